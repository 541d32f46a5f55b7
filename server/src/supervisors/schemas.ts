import { Type, type Static } from 'typebox';

const Email = Type.String({ format: 'email', maxLength: 254, pattern: '^[^@\\s]+@[^@\\s]+\\.[^@\\s]+$' });

export const DepartmentSupervisor = Type.Object({
  code: Type.String(), name: Type.String(), short_name: Type.String(),
  city_name: Type.Union([Type.String(), Type.Null()], { description: 'Null for a provincial department' }),
  supervisor_email: Type.Union([Type.String(), Type.Null()]),
});
export type DepartmentSupervisor = Static<typeof DepartmentSupervisor>;

export const KelurahanSupervisor = Type.Object({
  code: Type.String(), name: Type.String(), kecamatan_name: Type.String(), city_name: Type.String(),
  supervisor_email: Type.Union([Type.String(), Type.Null()]),
});
export type KelurahanSupervisor = Static<typeof KelurahanSupervisor>;

export const Supervisors = Type.Object({
  departments: Type.Array(DepartmentSupervisor),
  kelurahan: Type.Array(KelurahanSupervisor),
});

export const SupervisorChange = Type.Object({
  supervisor_email: Type.Union([Email, Type.Null()], {
    description: 'The address told of overdue reports (escalation e-mail and daily digest); null removes it',
  }),
}, { additionalProperties: false });
