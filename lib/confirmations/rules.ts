// Double opt-in numbers, shared by the submission path and the confirmation job.

/** How long the emailed link that confirms a form's consent stays valid. */
export const CONFIRM_DAYS = 7;

/**
 * At most this many confirmation emails a day to one mailbox from one sender (a form's visitor's
 * address), and this many from anyone: a form cannot be used to flood someone, and a stranger cannot
 * use up the owner's own confirmations ("an+1@", "a.n@gmail.com" count as one mailbox).
 */
export const MAX_CONFIRMATIONS_PER_DAY = 3;
export const MAX_CONFIRMATIONS_PER_MAILBOX_PER_DAY = 10;
