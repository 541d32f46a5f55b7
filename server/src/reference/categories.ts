/** Complaint categories, each with the kind of department that handles it by default. */
export interface CategorySeed {
  code: string;
  nameId: string;
  nameEn: string;
  descriptionId: string;
  descriptionEn: string;
  icon: string;
  color: string;
  departmentKind: string;
  /** Response deadline in working days; why each number: db/migrations/0022_report_deadlines.sql. */
  responseWorkingDays: number;
  /**
   * Reports of it concern people rather than things, so in public their point is snapped to a
   * coarse grid (SENSITIVE_GRID_M); set on creation only, so an operator's choice stays.
   */
  sensitive?: boolean;
}

export const categories: CategorySeed[] = [
  { code: 'banjir', nameId: 'Banjir / Genangan', nameEn: 'Flooding', descriptionId: 'Banjir atau genangan air di jalan dan permukiman', descriptionEn: 'Flooding or standing water on roads and in neighbourhoods', icon: '🌊', color: '#1f78b4', departmentKind: 'bpbd', responseWorkingDays: 1 },
  { code: 'sampah', nameId: 'Sampah', nameEn: 'Trash', descriptionId: 'Sampah menumpuk, tidak diangkut, atau dibuang sembarangan', descriptionEn: 'Uncollected or illegally dumped trash', icon: '🗑️', color: '#8c510a', departmentKind: 'dlh', responseWorkingDays: 3 },
  { code: 'jalan_rusak', nameId: 'Jalan Rusak', nameEn: 'Damaged road', descriptionId: 'Jalan berlubang, retak, atau amblas', descriptionEn: 'Potholes, cracks or subsidence in a road', icon: '🚧', color: '#e31a1c', departmentKind: 'pupr', responseWorkingDays: 10 },
  { code: 'lampu_jalan', nameId: 'Lampu Jalan Mati', nameEn: 'Street light out', descriptionId: 'Penerangan jalan umum (PJU) mati atau rusak', descriptionEn: 'A public street light is out or broken', icon: '💡', color: '#ff7f00', departmentKind: 'dishub', responseWorkingDays: 5 },
  { code: 'drainase', nameId: 'Saluran / Drainase Tersumbat', nameEn: 'Blocked drain', descriptionId: 'Got atau saluran air tersumbat, rusak, atau meluap', descriptionEn: 'A drain or gutter is blocked, broken or overflowing', icon: '🕳️', color: '#6a3d9a', departmentKind: 'pupr', responseWorkingDays: 3 },
  { code: 'pohon_tumbang', nameId: 'Pohon Tumbang / Rawan Tumbang', nameEn: 'Fallen or unsafe tree', descriptionId: 'Pohon tumbang atau dahan rawan patah', descriptionEn: 'A fallen tree or a branch about to break', icon: '🌳', color: '#33a02c', departmentKind: 'dlh', responseWorkingDays: 1 },
  { code: 'trotoar', nameId: 'Trotoar Rusak', nameEn: 'Damaged sidewalk', descriptionId: 'Trotoar rusak, berlubang, atau terhalang', descriptionEn: 'A sidewalk is broken, holed or obstructed', icon: '🚶', color: '#fb9a99', departmentKind: 'pupr', responseWorkingDays: 10 },
  { code: 'lalu_lintas', nameId: 'Rambu & Lampu Lalu Lintas', nameEn: 'Traffic signs & signals', descriptionId: 'Rambu hilang atau rusak, lampu lalu lintas mati', descriptionEn: 'Missing or damaged signs, traffic lights out', icon: '🚦', color: '#fdbf6f', departmentKind: 'dishub', responseWorkingDays: 2 },
  { code: 'parkir_liar', nameId: 'Parkir Liar', nameEn: 'Illegal parking', descriptionId: 'Kendaraan parkir di bahu jalan atau trotoar', descriptionEn: 'Vehicles parked on the road shoulder or sidewalk', icon: '🅿️', color: '#a6cee3', departmentKind: 'dishub', responseWorkingDays: 3 },
  { code: 'bangunan_liar', nameId: 'PKL & Bangunan Liar', nameEn: 'Street vendors & illegal structures', descriptionId: 'Pedagang kaki lima atau bangunan liar di ruang publik', descriptionEn: 'Street vendors or illegal structures in public space', icon: '🏚️', color: '#b15928', departmentKind: 'satpolpp', responseWorkingDays: 15, sensitive: true },
  { code: 'fasum_rusak', nameId: 'Fasilitas Umum Rusak', nameEn: 'Damaged public facility', descriptionId: 'Taman, halte, atau fasilitas umum lain yang rusak', descriptionEn: 'A park, bus stop or other public facility is damaged', icon: '🏗️', color: '#cab2d6', departmentKind: 'perkim', responseWorkingDays: 10 },
  { code: 'pencemaran', nameId: 'Pencemaran', nameEn: 'Pollution', descriptionId: 'Pencemaran air, udara, atau bau menyengat', descriptionEn: 'Water or air pollution, or a strong smell', icon: '🏭', color: '#b2df8a', departmentKind: 'dlh', responseWorkingDays: 5 },
];
