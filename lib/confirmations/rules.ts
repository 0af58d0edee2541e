// Double opt-in numbers, shared by the submission path and the confirmation job.

/** How long the emailed link that confirms a form's consent stays valid. */
export const CONFIRM_DAYS = 7;

/** At most this many confirmation emails per customer a day: a form cannot be used to flood someone. */
export const MAX_CONFIRMATIONS_PER_DAY = 3;
