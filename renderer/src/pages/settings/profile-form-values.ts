import type { OrganisationProfile, OrganisationProfileInput } from '../../../../shared/domain/organisation';

export type DepartmentRow = { code: string; name: string };
export type SignerRow = { authority: string; title: string; name: string };

/** The organisation profile form as typed. */
export interface ProfileFormValues {
  parentAgency: string;
  agencyName: string;
  symbol: string;
  placeName: string;
  address: string;
  phone: string;
  email: string;
  website: string;
  departments: DepartmentRow[];
  signers: SignerRow[];
}

export function profileToForm(profile: OrganisationProfile | null): ProfileFormValues {
  return {
    parentAgency: profile?.parentAgency ?? '',
    agencyName: profile?.agencyName ?? '',
    symbol: profile?.symbol ?? '',
    placeName: profile?.placeName ?? '',
    address: profile?.address ?? '',
    phone: profile?.phone ?? '',
    email: profile?.email ?? '',
    website: profile?.website ?? '',
    departments: (profile?.departments ?? []).map((d) => ({ code: d.code, name: d.name })),
    signers: (profile?.signers ?? []).map((s) => ({ authority: s.authority ?? '', title: s.title, name: s.name })),
  };
}

export function formToProfile(values: ProfileFormValues): OrganisationProfileInput {
  return {
    ...values,
    departments: values.departments.filter((d) => d.code.trim() || d.name.trim()),
    signers: values.signers.filter((s) => s.authority.trim() || s.title.trim() || s.name.trim()),
  };
}
