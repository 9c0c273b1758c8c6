/**
 * An error whose message is meant for the person at the keyboard: bad input, a missing tool, a
 * setting out of range. The CLI prints only its message; anything else is a bug.
 */
export class UserFacingError extends Error {}
