/**
 * The version of the simulation model: which steps, branches and state the engine has. A replay link
 * records it (format B), so a schedule recorded against one model is never silently replayed on another.
 * Format A links predate the number and decode as model 1.
 */
export const MODEL_VERSION = 1;
