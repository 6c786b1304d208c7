/**
 * Inputs of the service-index statistics (spec procedures-and-calendar §2.3, §3.2, §4): plain
 * facts about dossiers and procedures, loaded by the service-index module and fed to the pure
 * functions of this folder. No I/O here.
 */
import type { TLegalTime, TSupplementInterval, TTimeliness, TTimestamp } from '../calendar/workdays';

/** Channel of a dossier (spec §1.1: 1 direct, 2 online, 3 postal). */
export type TChannel = 'DIRECT' | 'ONLINE' | 'POSTAL';
export const CHANNELS: readonly TChannel[] = ['DIRECT', 'ONLINE', 'POSTAL'];

/** Online service level of a procedure (ND 42/2022: none, partial, full). */
export type TOnlineLevel = 'NONE' | 'PARTIAL' | 'FULL';

/**
 * Where a dossier stands: in progress, finished with a result (approved or refused, status 9/10),
 * or stopped (withdrawn, expired supplement, cancelled; status 8).
 */
export type TDossierOutcome = 'IN_PROGRESS' | 'APPROVED' | 'REFUSED' | 'STOPPED';

/** A score of the TT 01/2018 scale. */
export type TPoint = 0 | 1 | 2;

/** One processing step with its own sub-deadline (spec §2.2 step 6; TT01 indicator 2). */
export type TStepFact = { unitId: number | string | null; dueAt: TTimestamp; finishedAt: TTimestamp | null };

/**
 * The applicant's own evaluation (TT 01/2018 Đ12–13): a 2/1/0 score per indicator the applicant
 * answered (keys 1..9); used for an indicator only where the system has no measured fact.
 */
export type TApplicantEvaluation = Partial<Record<1 | 2 | 3 | 4 | 5 | 6 | 7 | 8 | 9, TPoint>>;

/** Agencies the applicant had to contact to complete the dossier (TT01 indicator 4). */
export type TAgencyContacts = 'NONE' | 'ONE_STOP_ONLY' | 'MULTIPLE';

/** Everything the statistics need to know about one received dossier. */
export type TDossierFact = {
  id: number | string;
  /** Dossier code (spec §1.4), for per-dossier tables. */
  code?: string | null;
  procedureId: number;
  /** Handling unit (for tables by unit). */
  unitId: number | string | null;
  /** Receiving agency (TT01 per-agency scores); defaults to the unit. */
  agencyId?: number | string | null;
  /** Officer in charge (optional). */
  officerId?: number | string | null;
  channel: TChannel;
  /** Receipt instant (status 2). */
  receivedAt: TTimestamp;
  /**
   * Legal due instant: the original deadline, recomputed only by the legal restart after a
   * completed supplement (ND 61 Đ19.4), never by a reschedule (Mẫu 04). null: no deadline
   * (immediate result).
   */
  dueAt: TTimestamp | null;
  /** Vietnam date of the due day when it differs from the date of `dueAt` (due time 24:00). */
  dueDate?: string | null;
  /** Appointment printed on the Mẫu 01 slip (NgayHenTra of the national portal); defaults to `dueAt`. */
  appointmentAt?: TTimestamp | null;
  /** Legal processing time, used by the national variant when there is no appointment. */
  legalTime?: TLegalTime | null;
  outcome: TDossierOutcome;
  /** End instant (spec §2.3: status 9 preferred, else first of 10, 8, refusal); null while in progress. */
  endAt: TTimestamp | null;
  /**
   * Classifications stored by the dossier module when the dossier finished (the same rules);
   * used as they are for finished dossiers so that every report agrees with the dossier page.
   */
  legalTimeliness?: TTimeliness | null;
  nationalTimeliness?: TTimeliness | null;
  /** Supplement requests during processing (status 5), in order. */
  supplements?: readonly TSupplementInterval[];
  /** Processing steps with sub-deadlines. */
  steps?: readonly TStepFact[] | null;
  /** The procedure's result is a paper document (certificate, licence…). */
  resultIsPaper?: boolean;
  /** An electronic result file was issued. */
  electronicResult?: boolean;
  /** The dossier's components are digitised (scanned/signed files stored). */
  digitised?: boolean;
  /** Fees apply to the dossier; null when unknown. */
  feeBearing?: boolean | null;
  /** Fees were paid online; null when payment data is not recorded. */
  paidOnline?: boolean | null;
  /** A complaint/petition (PAKN) was filed about the dossier; null when not recorded. */
  complaint?: boolean | null;
  /** The applicant rated the handling negatively ("không hài lòng"); null when not evaluated. */
  dislike?: boolean | null;
  /** Times the applicant had to come back to complete the dossier (TT01 indicator 3); defaults to the number of supplement requests. */
  contactsToComplete?: number | null;
  /** Agencies the applicant had to contact (TT01 indicator 4); null when not recorded. */
  agencyContacts?: TAgencyContacts | null;
  evaluation?: TApplicantEvaluation | null;
};

/** Components a published procedure must have (ND 63 Đ8.2; 766 indicator 1.3). */
export const PROCEDURE_COMPONENTS = ['name', 'sequence', 'methods', 'dossier', 'processingTime', 'subjects', 'agency'] as const;
export type TProcedureComponent = (typeof PROCEDURE_COMPONENTS)[number];

/** One procedure of the catalogue as in force at the end of the period. */
export type TCatalogueProcedure = {
  id: number;
  code: string;
  name: string;
  /** Public (đang công khai, including amended) or abolished at the end of the period. */
  status: 'PUBLIC' | 'ABOLISHED';
  onlineLevel: TOnlineLevel;
  /** Components of ND 63 Đ8.2 missing from the published record (see findMissingComponents). */
  missingComponents: readonly TProcedureComponent[];
  /** The result is a paper document. */
  resultIsPaper: boolean;
  /** Non-zero fees apply. */
  feeBearing: boolean;
  /** Online fee payment is integrated (766 indicator 3.5); null when not recorded. */
  onlinePaymentIntegrated?: boolean | null;
  /** The procedure is fully handled at the one-stop unit (TT01 indicator 5); null when not recorded. */
  fullyHandledAtOneStop?: boolean | null;
};
