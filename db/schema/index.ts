export * from "./enums";
export * from "./accounts";
export * from "./users";
export * from "./invitations";
export * from "./email";
export * from "./rate-limits";
export * from "./set-password-tokens";
export * from "./products";
