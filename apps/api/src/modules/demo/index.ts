export {
  generateDemoOrganisation,
  countEmployees,
  DemoDatabaseNotEmptyError,
  DEMO_USERS,
  DEMO_PASSWORD,
  DEMO_DEFAULT_EMPLOYEES,
  DEMO_DEFAULT_SEED,
  DEMO_MIN_EMPLOYEES,
  DEMO_MAX_EMPLOYEES,
  type DemoOptions,
  type DemoSummary,
} from './demo-generator';
export { demoCatalogue, catalogueProblems, type DemoCatalogue } from './catalogue';
