import { LitElement, html, nothing } from 'lit';
import { property, state } from 'lit/decorators.js';
import type { DepartmentSummary } from '../../../common/api';
import { ApiError, apiFetch } from '../../../common/web/api';
import { baseStyles } from '../../../common/web/shared-styles';
import { deviceFormStyles } from './device-form-styles';
import type { DepartmentsChangeEvent } from '../shared/events';
import { panelStyles } from '../shared/panel-styles';
import { staffButtonStyles } from '../shared/staff-buttons';
import './mq-department-checkboxes';

/**
 * What the display and kiosk profile forms share: the departments ticked, field and form errors in the server's
 * words, saving by POST (new) or PATCH (edit), and the Save / Cancel buttons. Subclasses render their own fields
 * above `renderEnd()` and call `save()`. Fires `device-saved` once saved, `device-form-cancel` on Cancel.
 */
export class DeviceProfileForm<Input extends { name: string; departmentIds: number[] }> extends LitElement {
  static styles = [baseStyles, staffButtonStyles, panelStyles, deviceFormStyles];

  /** Every department, to tick the ones the device shows or offers. */
  @property({ attribute: false }) departments: DepartmentSummary[] = [];

  /** The form's values; each subclass starts it with its defaults. */
  @state() protected input!: Input;
  @state() protected error: ApiError | null = null;
  @state() protected saving = false;

  firstUpdated(): void {
    this.renderRoot.querySelector<HTMLInputElement>('#name')?.focus();
  }

  /** The server's refusal of one field, or ''. */
  protected fieldError(path: string): string {
    return this.error?.fieldMessage(path) ?? '';
  }

  protected set(change: Partial<Input>): void {
    this.input = { ...this.input, ...change };
  }

  /** The departments picker, a form-level refusal and the buttons: how every device form ends. */
  protected renderEnd(departments: { legend: string; hint: string }, saveLabel: string) {
    return html`<mq-department-checkboxes
        legend=${departments.legend}
        hint=${departments.hint}
        .departments=${this.departments}
        .selected=${this.input.departmentIds}
        @departments-change=${(e: DepartmentsChangeEvent) => this.set({ departmentIds: [...e.detail] } as Partial<Input>)}
      ></mq-department-checkboxes>
      <span class="field-error">${this.fieldError('departmentIds')}</span>
      ${this.error && !this.error.fields.length ? html`<p class="error" role="alert">${this.error.message}</p>` : nothing}
      <div class="actions">
        <button class="primary" type="submit" ?disabled=${this.saving}>${saveLabel}</button>
        <button type="button" @click=${() => this.fire('device-form-cancel')}>Cancel</button>
      </div>`;
  }

  /** Creates (POST `collection`) or changes (PATCH `collection/<id>`) the profile; a refusal stays on the form. */
  protected async save(collection: string, id: number | null, body: unknown): Promise<void> {
    this.saving = true;
    this.error = null;
    try {
      await apiFetch(id === null ? collection : `${collection}/${id}`, { method: id === null ? 'POST' : 'PATCH', body });
      this.fire('device-saved');
    } catch (error) {
      this.error = error instanceof ApiError ? error : new ApiError('network_error', String(error), 0);
    } finally {
      this.saving = false;
    }
  }

  private fire(name: 'device-saved' | 'device-form-cancel'): void {
    this.dispatchEvent(new CustomEvent(name, { bubbles: true, composed: true }));
  }
}
