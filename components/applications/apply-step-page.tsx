import { getLocale, getTranslations } from "next-intl/server";
import { Alert } from "@/components/ui/alert";
import { Container } from "@/components/ui/container";
import { PageHeader } from "@/components/ui/page-header";
import type { DraftReview, DraftView } from "@/lib/applications/drafts";
import type { DistrictOptionRow, PublicEstate } from "@/lib/applications/estates";
import {
  CO_MEMBER_RELATIONSHIPS,
  EMPLOYMENTS_NEEDING_EMPLOYER,
  MARITAL_STATUSES,
  MAX_DOCUMENT_BYTES,
  MAX_HOUSEHOLD_MEMBERS,
  MAX_PREFERRED_ESTATES,
  UPLOAD_DOCUMENT_KINDS,
  requiredDocumentGroups,
  type ApplyStep,
} from "@/lib/applications/schemas";
import { fromDateColumn, todayCST } from "@/lib/clock";
import { dm2InputText, fenInputText } from "@/lib/money/format";
import { unitTypeHouseholdSize } from "@/lib/rules";
import { ApplyStepper } from "./apply-stepper";
import type { PersonValues } from "./household-form";
import { ReviewStep } from "./review-step";
import { DocumentsStep, HouseholdForm, HousingForm, WhereForm, WorkForm } from "./step-forms";
import { ClientMessages } from "@/components/i18n/client-messages";

/** What the step forms (client components) read of the `applications` messages. */
const APPLY_FORM_MESSAGES = [
  "applications.apply",
  "applications.documents",
  "applications.validation",
  "applications.errors",
  "applications.colon",
  "applications.listSeparator",
  "applications.relationship",
  "applications.marital",
  "applications.employment",
  "applications.employmentHelp",
  "applications.priority",
  "applications.priorityHelp",
  "applications.unitType",
  "applications.unitTypeHelp",
  "applications.estateLevel",
];

type Member = DraftView["record"]["members"][number];

function personValues(m: Member | undefined, defaultName = ""): PersonValues {
  if (!m) return { name: defaultName, residentId: "", relationship: "APPLICANT", maritalStatus: "", fullCivilCapacity: "yes", annualIncomeYuan: "" };
  return {
    name: m.name,
    residentId: m.residentId,
    relationship: m.relationship,
    maritalStatus: m.maritalStatus ?? "",
    fullCivilCapacity: m.fullCivilCapacity ? "yes" : "no",
    annualIncomeYuan: fenInputText(m.annualIncomeFen),
  };
}

/** One step of the applicant's form: heading, progress, the step's own form filled with what was saved. */
export async function ApplyStepPage({
  step,
  view,
  review,
  districts,
  estates,
  back,
  next,
  userName,
}: {
  userName: string;
  step: ApplyStep;
  view: DraftView | null;
  review: DraftReview | null;
  districts: DistrictOptionRow[];
  estates: PublicEstate[];
  back: string;
  next: string;
}) {
  const t = await getTranslations("applications.apply");
  const locale = await getLocale();
  const name = (d: { name: string; nameEn: string | null }) => (locale === "en" && d.nameEn ? d.nameEn : d.name);
  const districtOptions = districts.map((d) => ({ code: d.code, name: name(d), isCentralUrban: d.isCentralUrban }));
  const record = view?.record;
  const saved = view?.savedSteps ?? [];
  const declaration = record?.declaration;
  const members = record?.members ?? [];
  const applicant = members.find((m) => m.relationship === "APPLICANT");

  let body: React.ReactNode = null;
  switch (step) {
    case "household":
      body = (
        <HouseholdForm
          initialApplicant={personValues(applicant, userName)}
          initialMembers={members.filter((m) => m !== applicant).map((m) => personValues(m))}
          options={{ relationships: CO_MEMBER_RELATIONSHIPS, maritalStatuses: MARITAL_STATUSES, maxMembers: MAX_HOUSEHOLD_MEMBERS }}
          next={next}
        />
      );
      break;
    case "work":
      body = (
        <WorkForm
          initial={{
            employment: saved.includes("work") && declaration ? declaration.employment : "",
            employerName: (saved.includes("work") && declaration?.employerName) || "",
            workDistrictCode: (saved.includes("work") && declaration?.workDistrictCode) || "",
          }}
          districts={districtOptions}
          employmentsNeedingEmployer={EMPLOYMENTS_NEEDING_EMPLOYER}
          back={back}
          next={next}
        />
      );
      break;
    case "housing": {
      const has = saved.includes("housing") && declaration;
      body = (
        <HousingForm
          initial={{
            ownsUrbanHousingInCity: has ? (declaration.ownsUrbanHousingInCity ? "yes" : "no") : "",
            housingFloorAreaM2: has && declaration.housingFloorAreaDm2 > 0 ? dm2InputText(declaration.housingFloorAreaDm2) : "",
            lastHousingTransferDate: has && declaration.lastHousingTransferDate ? fromDateColumn(declaration.lastHousingTransferDate) : "",
            familyCanSupportHousing: has ? (declaration.familyCanSupportHousing ? "yes" : "no") : "",
            priorityCategories: has ? declaration.priorityCategories : [],
            receivesRentalSubsidy: Boolean(has && declaration.receivesRentalSubsidy),
          }}
          today={todayCST()}
          back={back}
          next={next}
        />
      );
      break;
    }
    case "where": {
      const work = declaration?.workDistrictCode ? districtOptions.find((d) => d.code === declaration.workDistrictCode) ?? null : null;
      const isSaved = saved.includes("where") && record;
      const rulesMembers = members.map((m) => ({ relationship: m.relationship, sex: m.sex, birthDate: fromDateColumn(m.birthDate), fullCivilCapacity: m.fullCivilCapacity, annualIncomeFen: m.annualIncomeFen }));
      const districtName = new Map(districtOptions.map((d) => [d.code, d.name]));
      body = (
        <WhereForm
          initial={{
            districtCode: isSaved ? record.districtCode : (work?.code ?? ""),
            estateLevel: isSaved ? record.estateLevel : "",
            estateCodes: isSaved ? record.estatePreferences.map((p) => p.estate.code) : [],
            unitType: (isSaved && record.preferredUnitType) || "",
          }}
          districts={districtOptions}
          estates={estates.map((e) => ({ code: e.code, name: name(e), level: e.level, districtCode: e.districtCode, districtName: districtName.get(e.districtCode) ?? e.districtCode, unitTypes: e.unitTypes }))}
          workDistrict={work}
          allowedUnitTypes={view?.allowedUnitTypes ?? []}
          countedSize={rulesMembers.length ? unitTypeHouseholdSize(rulesMembers) : 1}
          headCount={rulesMembers.length}
          maxEstates={MAX_PREFERRED_ESTATES}
          back={back}
          next={next}
        />
      );
      break;
    }
    case "documents":
      body = (
        <DocumentsStep
          documents={(record?.documents ?? []).map((d) => d)}
          requirements={{
            groups: requiredDocumentGroups(saved.includes("work") ? (declaration?.employment ?? null) : null),
            kinds: UPLOAD_DOCUMENT_KINDS,
            maxBytes: MAX_DOCUMENT_BYTES,
          }}
          back={back}
          next={next}
        />
      );
      break;
    case "review":
      body =
        view && review ? (
          <ReviewStep
            view={view}
            review={review}
            estateNames={Object.fromEntries(estates.map((e) => [e.code, name(e)]))}
            districtNames={Object.fromEntries(districtOptions.map((d) => [d.code, d.name]))}
          />
        ) : null;
      break;
  }

  return (
    <Container className="max-w-3xl">
      <PageHeader
        title={t(`steps.${step}`)}
        description={
          <>
            <p>{t(`stepIntro.${step}`)}</p>
            {view?.applicationNo ? <p className="mt-1 text-sm text-slate-600">{t("applicationNo", { applicationNo: view.applicationNo })}</p> : null}
          </>
        }
      />
      <ApplyStepper current={step} saved={saved} />
      {view?.status === "RETURNED" ? (
        <Alert tone="warning" title={t("returnedTitle")} className="mb-6">
          {view.returnReason ?? t("returnedNoReason")}
        </Alert>
      ) : null}
      {step === "review" ? body : <ClientMessages namespaces={APPLY_FORM_MESSAGES}>{body}</ClientMessages>}
    </Container>
  );
}
