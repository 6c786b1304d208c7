import dayjs, { type Dayjs } from 'dayjs';
import type { TChangeKind, TProcedureContent } from '../../../api/procedures';

/** The content of a version as edited in the form: dates as Dayjs, optional texts as strings. */
export type TContentForm = Omit<TProcedureContent, 'legalBasis' | 'agencies' | 'sequence' | 'requirements'> & {
  agencies: { competent: string; implementing: string; delegated?: string; coordinating?: string };
  sequence?: string;
  requirements?: string;
  legalBasis: { number: string; title: string; date: Dayjs | null; effectiveDate?: Dayjs | null }[];
};

export type TItemForm = {
  kind: TChangeKind;
  code?: string;
  fieldCode?: string;
  effectiveFrom?: Dayjs | null;
  content?: TContentForm;
  /** The code whose latest version prefilled `content` (AMENDED / REPLACED), and that version's start. */
  prefilledFor?: string;
  prefilledFrom?: string;
};

export type TDecisionForm = { number: string; signedOn: Dayjs | null; issuer: string; note?: string; items: TItemForm[] };

export const needsContent = (kind: TChangeKind | undefined): boolean => kind === 'NEW' || kind === 'AMENDED' || kind === 'REPLACED';

/** An empty record with the usual defaults (province level, working days, one dossier set). */
export const blankContent = (): TContentForm => ({
  name: '',
  implementationLevel: 'PROVINCE',
  agencies: { competent: '', implementing: '' },
  subjects: [],
  sequence: '',
  methods: [{ channel: 'DIRECT', processingTime: { value: 10, unit: 'WORKING_DAY' } }],
  dossierComponents: [{ name: '', originals: 1, copies: 0, reusableFromDatabase: false }],
  dossierSets: 1,
  processingTime: { value: 10, unit: 'WORKING_DAY' },
  fees: [],
  result: { name: '', electronicAvailable: true },
  requirements: '',
  legalBasis: [{ number: '', title: '', date: null }],
  onlineServiceLevel: 'PARTIAL',
  eligibleFullOnline: false,
  receivedAtOneStop: true,
});

const day = (value: string | null | undefined): Dayjs | null => (value ? dayjs(value) : null);
const iso = (value: Dayjs | null | undefined): string | null => (value ? value.format('YYYY-MM-DD') : null);
const optionalText = (value: string | null | undefined): string | null => (value?.trim() ? value.trim() : null);

/** A stored version's content, ready for the form (to amend or replace it). */
export const toContentForm = (content: TProcedureContent): TContentForm => ({
  ...content,
  agencies: {
    competent: content.agencies.competent,
    implementing: content.agencies.implementing,
    delegated: content.agencies.delegated ?? '',
    coordinating: content.agencies.coordinating ?? '',
  },
  sequence: content.sequence ?? '',
  requirements: content.requirements ?? '',
  methods: content.methods.map((method) => ({ ...method, processingTime: { ...method.processingTime } })),
  dossierComponents: content.dossierComponents.map((component) => ({ ...component })),
  fees: content.fees.map((fee) => ({ ...fee })),
  result: { ...content.result },
  legalBasis: content.legalBasis.map((basis) => ({ ...basis, date: day(basis.date), effectiveDate: day(basis.effectiveDate) })),
});

/** The form's content as the API expects it (texts trimmed, empty optional texts as null, dates as YYYY-MM-DD). */
export const fromContentForm = (form: TContentForm): TProcedureContent => ({
  name: form.name.trim(),
  implementationLevel: form.implementationLevel,
  agencies: {
    competent: form.agencies.competent.trim(),
    implementing: form.agencies.implementing.trim(),
    delegated: optionalText(form.agencies.delegated),
    coordinating: optionalText(form.agencies.coordinating),
  },
  subjects: form.subjects ?? [],
  sequence: optionalText(form.sequence),
  methods: (form.methods ?? []).map((method) => ({
    channel: method.channel,
    processingTime: { value: Number(method.processingTime.value), unit: method.processingTime.unit },
    ...(method.note?.trim() ? { note: method.note.trim() } : {}),
  })),
  dossierComponents: (form.dossierComponents ?? []).map((component) => ({
    name: component.name.trim(),
    originals: Number(component.originals ?? 0),
    copies: Number(component.copies ?? 0),
    templateForm: optionalText(component.templateForm),
    reusableFromDatabase: Boolean(component.reusableFromDatabase),
  })),
  dossierSets: Number(form.dossierSets ?? 1),
  processingTime: { value: Number(form.processingTime.value), unit: form.processingTime.unit },
  fees: (form.fees ?? []).map((fee) => ({
    type: fee.type,
    amountVnd: Number(fee.amountVnd ?? 0),
    legalBasis: (fee.legalBasis ?? '').trim(),
    onlineDiscountPct: Number(fee.onlineDiscountPct ?? 0),
  })),
  result: { name: form.result.name.trim(), electronicAvailable: Boolean(form.result.electronicAvailable) },
  requirements: optionalText(form.requirements),
  legalBasis: (form.legalBasis ?? []).map((basis) => ({
    number: basis.number.trim(),
    title: basis.title.trim(),
    date: iso(basis.date) ?? '',
    effectiveDate: iso(basis.effectiveDate),
  })),
  onlineServiceLevel: form.onlineServiceLevel,
  eligibleFullOnline: Boolean(form.eligibleFullOnline),
  receivedAtOneStop: form.receivedAtOneStop ?? true,
});
