"use client";

import { startTransition, useActionState, type FormEvent } from "react";
import type { ActionState } from "@/lib/actions/action-result";

type FormActionFn<T> = (previous: ActionState<T>, formData: FormData) => Promise<ActionState<T>>;

/**
 * useActionState for a server action returning ActionResult, without React's automatic form reset
 * after submission (a failed submission keeps what the user typed). Without JavaScript the form
 * still posts to the server action.
 */
export function useFormAction<T>(action: FormActionFn<T>) {
  const [state, formAction, pending] = useActionState<ActionState<T>, FormData>(action, null);
  const onSubmit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const formData = new FormData(event.currentTarget);
    startTransition(() => formAction(formData));
  };
  const fieldErrors = state && !state.ok ? state.fieldErrors : {};
  const formError = state && !state.ok ? state.formError : null;
  return { state, pending, fieldErrors, formError, formProps: { action: formAction, onSubmit } };
}
