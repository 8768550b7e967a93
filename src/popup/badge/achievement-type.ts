/**
 * What kind of achievement a badge is, in words (OB 3.0 §B.3.1 AchievementType enumeration): each
 * kind the specification lists has its message; an extension (`ext:` and a name, §B.3.1 "may be
 * extended") is the issuer's word, shown as written after `ext:`; any other value is not one OB 3.0
 * knows and is not shown.
 */
import type { Translate } from '../i18n.ts';

const KINDS = {
  Achievement: 'kindAchievement',
  ApprenticeshipCertificate: 'kindApprenticeshipCertificate',
  Assessment: 'kindAssessment',
  Assignment: 'kindAssignment',
  AssociateDegree: 'kindAssociateDegree',
  Award: 'kindAward',
  Badge: 'kindBadge',
  BachelorDegree: 'kindBachelorDegree',
  Certificate: 'kindCertificate',
  CertificateOfCompletion: 'kindCertificateOfCompletion',
  Certification: 'kindCertification',
  CommunityService: 'kindCommunityService',
  Competency: 'kindCompetency',
  Course: 'kindCourse',
  CoCurricular: 'kindCoCurricular',
  Degree: 'kindDegree',
  Diploma: 'kindDiploma',
  DoctoralDegree: 'kindDoctoralDegree',
  Fieldwork: 'kindFieldwork',
  GeneralEducationDevelopment: 'kindGeneralEducationDevelopment',
  JourneymanCertificate: 'kindJourneymanCertificate',
  LearningProgram: 'kindLearningProgram',
  License: 'kindLicense',
  Membership: 'kindMembership',
  ProfessionalDoctorate: 'kindProfessionalDoctorate',
  QualityAssuranceCredential: 'kindQualityAssuranceCredential',
  MasterCertificate: 'kindMasterCertificate',
  MasterDegree: 'kindMasterDegree',
  MicroCredential: 'kindMicroCredential',
  ResearchDoctorate: 'kindResearchDoctorate',
  SecondarySchoolDiploma: 'kindSecondarySchoolDiploma',
} as const;

export function achievementTypeName(t: Translate, type: string | undefined): string | undefined {
  if (!type) return undefined;
  if (Object.hasOwn(KINDS, type)) return t(KINDS[type as keyof typeof KINDS]);
  const ext = /^ext:(.+)$/.exec(type)?.[1];
  return ext?.trim() ? ext : undefined;
}
