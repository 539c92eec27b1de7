/**
 * The email outbox: written in the caller's transaction (./enqueue), delivered
 * by workers that share their state through PostgreSQL (./state, ./deliver),
 * its outcomes told to whoever registered for them (./outcomes).
 */
export { type Clock, systemClock } from "@/lib/background/clock";
export {
  DEFAULT_DEADLINE_DAYS,
  ERASED_BODY,
  enqueueEmail,
  extendQueuedDeadline,
  type RenderedEmail,
  withdrawQueued,
} from "./enqueue";
export {
  deliverDue,
  type DeliveryOptions,
  type DeliveryReport,
  REQUEST_TIMEOUT_MS,
  retryDelayMs,
} from "./deliver";
export { type EmailDeliveryStatus, emailDeliveryStatus } from "./state";
export { handleEmailOutcomes, type EmailOutcomeHandler, type OutboxMessage } from "./outcomes";
