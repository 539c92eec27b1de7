import { z } from "zod";

/** A text field that must be filled in. */
export const requiredText = (max: number) =>
  z.string().trim().min(1, { message: "v.required" }).max(max);

/** A text field that may be left empty (or, in JSON, null or absent): empty becomes null. */
export const optionalText = (max: number) =>
  z
    .string()
    .trim()
    .max(max)
    .nullish()
    .transform((v) => v || null);
