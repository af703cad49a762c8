import type { ReactiveController, ReactiveControllerHost } from 'lit';
import type { FormularySearchResponse, MedicineView } from '../../../common/formulary';
import { apiFetch, apiGet } from '../../../common/web/api';

/** How long typing must pause before the formulary is searched. */
const SEARCH_DELAY_MS = 200;

/**
 * The formulary as the prescription rows use it (issue 19): searches as the doctor types (favourites first),
 * remembers every medicine seen by its label so a row can be starred, and toggles favourites. Its timer is
 * cleared when the host goes.
 */
export class FormularyController implements ReactiveController {
  /** The latest search's medicines, favourites first. */
  suggestions: MedicineView[] = [];
  /** Every medicine seen, by the label a row holds ("Amoxicillin 500 mg capsule"). */
  readonly known = new Map<string, MedicineView>();
  /** Why the list could not be read, in words. */
  problem = '';

  private timer: ReturnType<typeof setTimeout> | undefined;
  private latest = '';
  /** Star changes so far: a search that started before one answers with the medicine as it was then. */
  private toggles = 0;

  constructor(private readonly host: ReactiveControllerHost) {
    host.addController(this);
  }

  hostConnected(): void {}

  hostDisconnected(): void {
    clearTimeout(this.timer);
  }

  /** Searches for `q` after a pause in typing (at once when `now`). */
  search(q: string, now = false): void {
    clearTimeout(this.timer);
    this.latest = q;
    const run = async () => {
      try {
        const toggles = this.toggles;
        const answer = await apiGet<FormularySearchResponse>(`/api/formulary?q=${encodeURIComponent(q)}&limit=15`);
        // A star pressed while this search was on its way is newer than its answer: keep what the star's PUT said.
        const medicines = toggles === this.toggles ? answer.medicines : answer.medicines.map((m) => this.known.get(m.label) ?? m);
        for (const m of medicines) this.known.set(m.label, m);
        if (q === this.latest) this.suggestions = medicines;
        this.problem = '';
      } catch {
        this.problem = 'The medicine list could not be read; type the medicine in full.';
      }
      this.host.requestUpdate();
    };
    if (now) void run();
    else this.timer = setTimeout(run, SEARCH_DELAY_MS);
  }

  /** Stars or unstars a medicine for the signed-in doctor. */
  async toggleFavourite(medicine: MedicineView): Promise<void> {
    this.toggles++;
    const updated = await apiFetch<MedicineView>(`/api/formulary/${medicine.id}/favourite`, { method: medicine.favourite ? 'DELETE' : 'PUT' });
    this.toggles++;
    this.known.set(updated.label, updated);
    this.suggestions = this.suggestions.map((m) => (m.id === updated.id ? updated : m));
    this.host.requestUpdate();
  }
}
