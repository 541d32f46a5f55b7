/**
 * The licence of the published report data. CC BY 4.0: the licence Satu Data Indonesia's portal
 * (data.go.id) offers by default and the one the Open Definition lists first for data;
 * attribution only, so a kelurahan, a newsroom or a researcher may join it with other data
 * and republish it without the share-alike duties of ODbL, and Creative Commons' 4.0 licences
 * cover database rights too.
 */
export const dataLicence = {
  id: 'CC-BY-4.0',
  name: 'Creative Commons Attribution 4.0 International',
  url: 'https://creativecommons.org/licenses/by/4.0/',
  legalCodeUrl: 'https://creativecommons.org/licenses/by/4.0/legalcode',
  attribution: 'PetaWarga: laporan warga Kota Tangerang dan Kota Tangerang Selatan (CC BY 4.0)',
} as const;

/** Where the licence and data dictionary are read by people (links from the map and /docs). */
export const openDataPage = '/open-data';

/** RFC 8288 link to the licence, sent with every download. */
export const licenceLink = `<${dataLicence.url}>; rel="license"`;
