"use client";

import dynamic from "next/dynamic";

// The forms of the application's steps, each in its own chunk. The steps share one route
// (/me/apply/[step]), and a route sends the code of every client component its page imports: a
// step page would load all six forms. Loaded this way, it loads only the one it shows (rendered
// on the server as before). See docs/decisions/009-client-bundles.md.

export const HouseholdForm = dynamic(() => import("./household-form").then((m) => m.HouseholdForm));
export const WorkForm = dynamic(() => import("./work-form").then((m) => m.WorkForm));
export const HousingForm = dynamic(() => import("./housing-form").then((m) => m.HousingForm));
export const WhereForm = dynamic(() => import("./where-form").then((m) => m.WhereForm));
export const DocumentsStep = dynamic(() => import("./documents-step").then((m) => m.DocumentsStep));
export const SubmitForm = dynamic(() => import("./submit-form").then((m) => m.SubmitForm));
