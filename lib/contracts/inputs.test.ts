import { describe, expect, it } from "vitest";
import { fieldErrorsOf } from "@/lib/actions/form-state";
import { contractInput } from "./inputs";

const contract = {
  name: "Enterprise Agreement",
  startsOn: "2027-03-01",
  endsOn: "",
  billing: "bill_to_parent",
  pricing: "custom",
};

describe("contract input", () => {
  it("says that a contract ending before it starts must end on or after its start", () => {
    const parsed = contractInput.safeParse({ ...contract, endsOn: "2027-02-28" });
    expect(parsed.success).toBe(false);
    expect(fieldErrorsOf(parsed.error!)).toEqual({
      endsOn: [{ code: "validation.end_before_start", params: {} }],
    });
  });
  it("accepts a contract ending on the day it starts, or open-ended", () => {
    expect(contractInput.parse({ ...contract, endsOn: "2027-03-01" }).endsOn).toBe("2027-03-01");
    expect(contractInput.parse(contract).endsOn).toBeNull();
  });
  it("asks for a date where the date is not one", () => {
    const parsed = contractInput.safeParse({ ...contract, startsOn: "01.03.2027" });
    expect(fieldErrorsOf(parsed.error!).startsOn?.[0]?.code).toBe("validation.date");
  });
});
