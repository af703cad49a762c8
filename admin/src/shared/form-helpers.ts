import { css, html, nothing } from 'lit';
import { ApiError } from '../../../common/web/api';

/**
 * Small pieces the staff panel's management forms share: a failure in words, and a field's error line tied to its
 * input for screen readers.
 */

/** The words to show for a failed call: the server's own message, or a plain fallback. */
export function messageOf(error: unknown): string {
  return error instanceof ApiError ? error.message : 'Something went wrong. Please try again.';
}

/** The server's message for one field of a refused (422) request, if it named that field. */
export function fieldMessage(error: unknown, path: string): string | undefined {
  return error instanceof ApiError ? error.fieldMessage(path) : undefined;
}

/** The error line under an input (`id` is what the input's aria-describedby names), or nothing. */
export function fieldErrorLine(id: string, message: string | undefined) {
  return message ? html`<span class="field-error" id=${id}>${message}</span>` : nothing;
}

/** A refusal that is not about one field (409 prefix taken, 403, network): shown above the buttons. */
export function formLevelMessage(error: unknown): string {
  if (!error) return '';
  if (error instanceof ApiError && error.status === 422 && error.fields.length) return 'Please correct the fields marked below.';
  return messageOf(error);
}

/**
 * Row headers in the people-and-places lists: a record's name reads as data, not as a column title (panelStyles
 * sets every `th` as a small-caps column title).
 */
export const listStyles = css`
  table.data tbody th {
    color: var(--mq-color-text);
    font-size: 1rem;
    font-weight: 600;
    text-transform: none;
    letter-spacing: normal;
  }
  table.data tbody th,
  table.data td {
    vertical-align: middle;
  }
`;
