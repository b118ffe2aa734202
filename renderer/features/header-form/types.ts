import type { ReportHeader } from '../../../shared/model';

export type HeaderUpdate = (patch: Partial<ReportHeader>) => void;
/** Returns a ref callback that records the element editing `field` (for jumpToField). */
export type FieldRegistrar = (field: keyof ReportHeader) => (el: HTMLElement | null) => void;
