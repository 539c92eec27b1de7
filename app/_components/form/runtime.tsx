"use client";

import {
  type ComponentProps,
  createContext,
  type FormEvent,
  type ReactNode,
  type SubmitEvent,
  startTransition,
  useActionState,
  useCallback,
  useContext,
  useEffect,
  useId,
  useRef,
  useState,
} from "react";
import { useFormStatus } from "react-dom";
import type { FieldError, FormState } from "@/lib/actions/form-state";
import { FormMessage } from "./form-message";

type ServerAction = (previous: FormState | undefined, formData: FormData) => Promise<FormState>;

/** A server action's state, its dispatcher and whether it is running: what `ActionForm` drives. */
export type ActionFormHandle = {
  state: FormState | undefined;
  dispatch: (formData: FormData) => void;
  pending: boolean;
};

export function useActionForm(serverAction: ServerAction): ActionFormHandle {
  const [state, dispatch, pending] = useActionState(serverAction, undefined);
  return { state, dispatch, pending };
}

type FormContextValue = {
  state: FormState | undefined;
  pending: boolean;
  formId: string;
  /** How many answers the form has had; password inputs start empty after each. */
  attempt: number;
  /** Fields changed since the last answer: their old errors are no longer shown. */
  changed: ReadonlySet<string>;
  labels: Readonly<Record<string, string>>;
  register: (name: string, label: string) => void;
};

const NO_CHANGES: ReadonlySet<string> = new Set();

const FormContext = createContext<FormContextValue>({
  state: undefined,
  pending: false,
  formId: "form",
  attempt: 0,
  changed: NO_CHANGES,
  labels: {},
  register: () => {},
});

/** The id of a field's control, which the error summary links to. */
function fieldId(formId: string, name: string): string {
  return `${formId}-${name.replace(/[^\w-]/g, "_")}`;
}

function fieldErrors(state: FormState | undefined, name: string): FieldError[] {
  return state && !state.ok ? (state.fieldErrors?.[name] ?? []) : [];
}

/**
 * What a field needs from its form: its id, its current errors, and what was
 * submitted for it (`kept`, undefined when nothing was refused; empty when the
 * field was not submitted, such as an unticked box). Registers the field's label
 * so the error summary can name it.
 */
export function useField(name: string, label?: string) {
  const form = useContext(FormContext);
  const { register } = form;
  useEffect(() => {
    if (label) register(name, label);
  }, [register, name, label]);
  const values = form.state && !form.state.ok ? form.state.values : undefined;
  return {
    id: fieldId(form.formId, name),
    errors: form.changed.has(name) ? [] : fieldErrors(form.state, name),
    kept: values ? (values[name] ?? []) : undefined,
    attempt: form.attempt,
    state: form.state,
  };
}

/**
 * Every form in the app. It submits in a transition of its own instead of letting
 * React run the action and reset the form: a reset puts selects, checkboxes and
 * radios back to their first value, so a refused or saved form would show (and
 * then save) what the person did not choose. Without scripts the action still
 * works, and fields start from the submitted values. After a refusal, focus
 * moves to an error summary that names each problem and links to its field;
 * password inputs start empty again after every answer.
 */
export function ActionForm({
  form,
  children,
  resetOnSuccess = false,
  feedback = true,
  onSubmit,
  className,
  ...props
}: {
  form: ActionFormHandle;
  children: ReactNode;
  /** Empty the form after a success (forms that create one thing after another). */
  resetOnSuccess?: boolean;
  /** Show the summary and messages at the top of the form (off when shown elsewhere). */
  feedback?: boolean;
} & Omit<ComponentProps<"form">, "action" | "children" | "noValidate">) {
  const { state, dispatch, pending } = form;
  // React's ids contain characters that are awkward in a URL fragment.
  const formId = `f${useId().replace(/[^\w-]/g, "")}`;
  const [answer, setAnswer] = useState({ state, attempt: 0, resets: 0 });
  const [changed, setChanged] = useState<ReadonlySet<string>>(NO_CHANGES);
  // A new answer: count it, forget which fields changed, and empty the form if asked.
  if (answer.state !== state) {
    setAnswer({
      state,
      attempt: answer.attempt + 1,
      resets: answer.resets + (state?.ok && resetOnSuccess ? 1 : 0),
    });
    setChanged(NO_CHANGES);
  }
  const [labels, setLabels] = useState<Record<string, string>>({});
  const register = useCallback(
    (name: string, label: string) =>
      setLabels((known) => (known[name] === label ? known : { ...known, [name]: label })),
    [],
  );

  function submit(event: SubmitEvent<HTMLFormElement>) {
    onSubmit?.(event);
    if (event.defaultPrevented) return;
    event.preventDefault();
    const data = new FormData(event.currentTarget, event.nativeEvent.submitter);
    startTransition(() => dispatch(data));
  }

  function markChanged(event: FormEvent<HTMLFormElement>) {
    const name = (event.target as HTMLInputElement).name;
    if (name) setChanged((names) => (names.has(name) ? names : new Set(names).add(name)));
  }

  return (
    <FormContext
      value={{
        state,
        pending,
        formId,
        attempt: answer.attempt,
        changed,
        labels,
        register,
      }}
    >
      <form
        key={answer.resets}
        action={dispatch}
        onSubmit={submit}
        onChange={markChanged}
        noValidate
        className={className}
        {...props}
      >
        {feedback ? <FormFeedback /> : null}
        {children}
      </form>
    </FormContext>
  );
}

/**
 * The answer at the top of a form: a status after a success; after a refusal an
 * error summary (GOV.UK's pattern) that takes focus, says what went wrong, and
 * links each problem to its field.
 */
function FormFeedback() {
  const { state, formId, changed, labels } = useContext(FormContext);
  const summary = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (state && !state.ok) summary.current?.focus();
  }, [state]);
  if (!state?.message) return null;
  if (state.ok) return <FormMessage state={state} />;
  const problems = Object.entries(state.fieldErrors ?? {})
    .filter(([name]) => !changed.has(name))
    .flatMap(([name, errors]) => errors.map((error) => ({ name, error })));
  // Once every highlighted field has been changed, there is nothing left to correct.
  if (problems.length === 0 && state.fieldErrors && Object.keys(state.fieldErrors).length > 0)
    return null;
  return (
    <div
      ref={summary}
      tabIndex={-1}
      role="alert"
      className="rounded-md border-2 border-red-700 bg-red-50 p-3 text-sm text-red-900 focus:outline-3 focus:outline-offset-2 focus:outline-red-700"
    >
      <h2 className="font-semibold">{state.text ?? state.message}</h2>
      {problems.length ? (
        <ul className="mt-2 flex list-disc flex-col gap-1 pl-5">
          {problems.map(({ name, error }) => (
            <li key={`${name}:${error.code}`}>
              <a
                href={`#${fieldId(formId, name)}`}
                onClick={(event) => {
                  const target = document.getElementById(fieldId(formId, name));
                  if (!target) return;
                  event.preventDefault();
                  target.focus();
                  target.scrollIntoView({ block: "center" });
                }}
                className="underline"
              >
                {labels[name] ? `${labels[name]}: ` : ""}
                {error.text ?? error.code}
              </a>
            </li>
          ))}
        </ul>
      ) : null}
    </div>
  );
}

export function SubmitButton({ children, className, ...props }: ComponentProps<"button">) {
  const status = useFormStatus();
  const form = useContext(FormContext);
  const pending = status.pending || form.pending;
  return (
    <button
      type="submit"
      disabled={pending || props.disabled}
      aria-disabled={pending || undefined}
      className={
        className ??
        "bg-brand-600 hover:bg-brand-700 rounded-md px-4 py-2 text-sm font-semibold text-white shadow-sm disabled:opacity-60"
      }
      {...props}
    >
      {children}
    </button>
  );
}
