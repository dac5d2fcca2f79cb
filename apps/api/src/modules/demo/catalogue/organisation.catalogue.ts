import type { ClusterPurpose } from '@skillgrid/shared';

export const ORGANISATION = {
  name: 'Northwind Logistics',
  timeZone: 'Europe/London',
  currency: 'GBP',
  privacyMinGroup: 5,
  emailDomain: 'northwind-logistics.example',
} as const;

export const PROFICIENCY_LEVELS: ReadonlyArray<{ level: number; label: string; description: string }> = [
  { level: 1, label: 'Awareness', description: 'Knows what the skill is and when it applies; needs guidance to use it.' },
  { level: 2, label: 'Foundation', description: 'Applies the skill to routine tasks with occasional support.' },
  { level: 3, label: 'Practitioner', description: 'Applies the skill independently and reliably in everyday work.' },
  { level: 4, label: 'Advanced', description: 'Handles complex cases, improves practice and guides others.' },
  { level: 5, label: 'Expert', description: 'Recognised authority who shapes how the organisation uses the skill.' },
];

export type NamePool = 'gb' | 'ie' | 'nl' | 'de' | 'pl' | 'fr';

export interface LocationSeed {
  key: string;
  name: string;
  /** Short name used in team names. */
  city: string;
  country: string;
  pool: NamePool;
}

export const LOCATIONS: readonly LocationSeed[] = [
  { key: 'london', name: 'London Head Office', city: 'London', country: 'United Kingdom', pool: 'gb' },
  { key: 'birmingham', name: 'Birmingham Distribution Centre', city: 'Birmingham', country: 'United Kingdom', pool: 'gb' },
  { key: 'manchester', name: 'Manchester Office', city: 'Manchester', country: 'United Kingdom', pool: 'gb' },
  { key: 'dublin', name: 'Dublin Office', city: 'Dublin', country: 'Ireland', pool: 'ie' },
  { key: 'rotterdam', name: 'Rotterdam Hub', city: 'Rotterdam', country: 'Netherlands', pool: 'nl' },
  { key: 'hamburg', name: 'Hamburg Hub', city: 'Hamburg', country: 'Germany', pool: 'de' },
  { key: 'warsaw', name: 'Warsaw Service Centre', city: 'Warsaw', country: 'Poland', pool: 'pl' },
  { key: 'lyon', name: 'Lyon Distribution Centre', city: 'Lyon', country: 'France', pool: 'fr' },
];

export interface DepartmentSeed {
  key: string;
  name: string;
  /** Share of the organisation's people in this department. */
  share: number;
  /** Role keys of team members with their weights. */
  memberRoles: Array<[roleKey: string, weight: number]>;
  /** Role of a leaf team's manager. */
  leadRole: string;
  /** Role of the department head. */
  headRole: string;
  /** Sub-team names: leaf teams are "<base> <city>" (numbered when the organisation is large). */
  teamBases: string[];
  /** Location keys the department's teams are spread over. */
  locations: string[];
}

export interface DivisionSeed {
  key: string;
  name: string;
  location: string;
  /** Roles of the division's direct staff besides its director. */
  staffRoles: string[];
  departments: DepartmentSeed[];
}

/** Five divisions, thirteen departments; leaf teams are created to fit the head count. */
export const DIVISIONS: readonly DivisionSeed[] = [
  {
    key: 'operations',
    name: 'Operations',
    location: 'birmingham',
    staffRoles: ['project-manager', 'data-analyst'],
    departments: [
      {
        key: 'warehousing',
        name: 'Warehousing',
        share: 0.25,
        memberRoles: [
          ['warehouse-operative', 0.78],
          ['logistics-coordinator', 0.16],
          ['warehouse-supervisor', 0.06],
        ],
        leadRole: 'warehouse-supervisor',
        headRole: 'operations-manager',
        teamBases: ['Inbound', 'Outbound', 'Picking & Packing', 'Returns', 'Inventory Control', 'Cross-dock'],
        locations: ['birmingham', 'rotterdam', 'hamburg', 'lyon', 'warsaw'],
      },
      {
        key: 'transport',
        name: 'Transport & Fleet',
        share: 0.15,
        memberRoles: [
          ['hgv-driver', 0.78],
          ['transport-planner', 0.22],
        ],
        leadRole: 'transport-planner',
        headRole: 'operations-manager',
        teamBases: ['Trunking', 'Regional Delivery', 'Fleet Planning', 'Night Network'],
        locations: ['birmingham', 'rotterdam', 'hamburg', 'lyon', 'manchester'],
      },
      {
        key: 'customer-service',
        name: 'Customer Service',
        share: 0.15,
        memberRoles: [
          ['customer-service-agent', 0.92],
          ['customer-service-team-leader', 0.08],
        ],
        leadRole: 'customer-service-team-leader',
        headRole: 'operations-manager',
        teamBases: ['Customer Care', 'Returns Desk', 'Key Customer Desk', 'Claims'],
        locations: ['manchester', 'warsaw', 'dublin'],
      },
    ],
  },
  {
    key: 'technology',
    name: 'Technology',
    location: 'london',
    staffRoles: ['project-manager'],
    departments: [
      {
        key: 'software-engineering',
        name: 'Software Engineering',
        share: 0.07,
        memberRoles: [
          ['software-engineer', 0.82],
          ['cloud-engineer', 0.08],
          ['project-manager', 0.1],
        ],
        leadRole: 'engineering-manager',
        headRole: 'engineering-manager',
        teamBases: ['Customer Portal', 'Order Management', 'Warehouse Integrations', 'Mobile Apps', 'Pricing Engine'],
        locations: ['london', 'dublin', 'warsaw'],
      },
      {
        key: 'data-analytics',
        name: 'Data & Analytics',
        share: 0.04,
        memberRoles: [
          ['data-engineer', 0.45],
          ['data-analyst', 0.55],
        ],
        leadRole: 'data-engineer',
        headRole: 'engineering-manager',
        teamBases: ['Data Platform', 'Operational Analytics', 'Commercial Insight'],
        locations: ['london', 'dublin'],
      },
      {
        key: 'it-infrastructure',
        name: 'IT Infrastructure & Security',
        share: 0.04,
        memberRoles: [
          ['it-support-technician', 0.55],
          ['cloud-engineer', 0.27],
          ['security-analyst', 0.18],
        ],
        leadRole: 'engineering-manager',
        headRole: 'engineering-manager',
        teamBases: ['Service Desk', 'Cloud Platform', 'Security Operations', 'Site Support'],
        locations: ['london', 'birmingham', 'warsaw'],
      },
    ],
  },
  {
    key: 'finance',
    name: 'Finance',
    location: 'london',
    staffRoles: ['financial-analyst'],
    departments: [
      {
        key: 'financial-control',
        name: 'Financial Control',
        share: 0.03,
        memberRoles: [
          ['financial-analyst', 0.45],
          ['accounts-payable-clerk', 0.55],
        ],
        leadRole: 'finance-manager',
        headRole: 'finance-manager',
        teamBases: ['Financial Planning & Analysis', 'Accounts Payable', 'Group Reporting'],
        locations: ['london', 'warsaw'],
      },
      {
        key: 'payroll',
        name: 'Payroll',
        share: 0.025,
        memberRoles: [['payroll-officer', 1]],
        leadRole: 'finance-manager',
        headRole: 'finance-manager',
        teamBases: ['Payroll Operations', 'Payroll Compliance'],
        locations: ['manchester', 'warsaw', 'dublin'],
      },
      {
        key: 'procurement',
        name: 'Procurement',
        share: 0.025,
        memberRoles: [
          ['procurement-specialist', 0.85],
          ['logistics-coordinator', 0.15],
        ],
        leadRole: 'procurement-specialist',
        headRole: 'finance-manager',
        teamBases: ['Indirect Procurement', 'Fleet & Fuel Sourcing', 'Supplier Management'],
        locations: ['london', 'hamburg'],
      },
    ],
  },
  {
    key: 'people',
    name: 'People',
    location: 'london',
    staffRoles: ['hr-business-partner'],
    departments: [
      {
        key: 'hr-partnering',
        name: 'HR Business Partnering',
        share: 0.035,
        memberRoles: [
          ['hr-business-partner', 0.4],
          ['hr-administrator', 0.6],
        ],
        leadRole: 'hr-manager',
        headRole: 'hr-manager',
        teamBases: ['HR Partnering', 'HR Services', 'Employee Relations'],
        locations: ['london', 'birmingham', 'rotterdam', 'warsaw'],
      },
      {
        key: 'talent-learning',
        name: 'Talent & Learning',
        share: 0.025,
        memberRoles: [
          ['recruiter', 0.55],
          ['learning-development-specialist', 0.45],
        ],
        leadRole: 'hr-manager',
        headRole: 'hr-manager',
        teamBases: ['Talent Acquisition', 'Northwind Academy', 'Driver Academy'],
        locations: ['london', 'birmingham', 'hamburg'],
      },
    ],
  },
  {
    key: 'commercial',
    name: 'Commercial',
    location: 'london',
    staffRoles: ['project-manager', 'data-analyst'],
    departments: [
      {
        key: 'sales',
        name: 'Sales & Account Management',
        share: 0.11,
        memberRoles: [
          ['sales-executive', 0.5],
          ['account-manager', 0.5],
        ],
        leadRole: 'commercial-manager',
        headRole: 'commercial-manager',
        teamBases: ['New Business', 'Retail Accounts', 'Manufacturing Accounts', 'E-commerce Accounts'],
        locations: ['london', 'manchester', 'rotterdam', 'hamburg', 'lyon'],
      },
      {
        key: 'marketing',
        name: 'Marketing',
        share: 0.05,
        memberRoles: [
          ['marketing-specialist', 0.85],
          ['data-analyst', 0.15],
        ],
        leadRole: 'commercial-manager',
        headRole: 'commercial-manager',
        teamBases: ['Brand & Content', 'Digital Marketing', 'Marketing Operations'],
        locations: ['london', 'dublin'],
      },
    ],
  },
];

export interface ClusterSeed {
  name: string;
  purpose: ClusterPurpose;
  description: string;
  targetRole: string | null;
  /** Credential names, in order. */
  credentials: string[];
}

export const CLUSTERS: readonly ClusterSeed[] = [
  {
    name: 'Warehouse Induction',
    purpose: 'role',
    description: 'What every new warehouse colleague completes in their first months.',
    targetRole: 'warehouse-operative',
    credentials: [
      'Safe Manual Handling',
      'Warehouse Operations Fundamentals',
      'IOSH Working Safely',
      'Counterbalance Forklift Operator',
    ],
  },
  {
    name: 'Warehouse Supervisor Pathway',
    purpose: 'career_goal',
    description: 'Prepares experienced operatives to lead a shift.',
    targetRole: 'warehouse-supervisor',
    credentials: [
      'First-time Manager Programme',
      'IOSH Managing Safely',
      'Shift Planning and Rostering',
      'WMS Super User',
      'Lean Six Sigma Yellow Belt',
    ],
  },
  {
    name: 'Professional Driver Compliance',
    purpose: 'role',
    description: 'The legal and safety credentials a professional driver keeps current.',
    targetRole: 'hgv-driver',
    credentials: ['Driver CPC Periodic Training', 'Tachographs and Drivers’ Hours', 'Dangerous Goods Awareness'],
  },
  {
    name: 'Customer Service Excellence',
    purpose: 'role',
    description: 'From first call to confident, complaint-ready agent.',
    targetRole: 'customer-service-agent',
    credentials: [
      'Customer Service Fundamentals',
      'Complaint Handling Masterclass',
      'Live Chat and Messaging Support',
      'Data Protection Essentials',
      'ICS Professional Award in Customer Service',
    ],
  },
  {
    name: 'New Team Leader',
    purpose: 'career_goal',
    description: 'For agents stepping up to lead a customer service team.',
    targetRole: 'customer-service-team-leader',
    credentials: [
      'First-time Manager Programme',
      'Coaching Essentials',
      'Performance Conversations',
      'ICS Customer Service Manager Award',
    ],
  },
  {
    name: 'Data Engineering Foundations',
    purpose: 'career_goal',
    description: 'From analyst to data engineer: Python, SQL and pipelines.',
    targetRole: 'data-engineer',
    credentials: [
      'Python for Everybody Specialization',
      'PCAP – Certified Associate Python Programmer',
      'Oracle Database SQL Certified Associate',
      'Data Engineering Zoomcamp',
      'Databricks Certified Data Engineer Associate',
    ],
  },
  {
    name: 'Data Literacy for Everyone',
    purpose: 'cross_skilling',
    description: 'Confident, safe use of data in everyday work.',
    targetRole: null,
    credentials: ['Excel Essentials', 'Data Analysis Essentials', 'Power BI Essentials'],
  },
  {
    name: 'Cloud Cross-skilling',
    purpose: 'cross_skilling',
    description: 'Moves infrastructure and support staff towards cloud engineering.',
    targetRole: 'cloud-engineer',
    credentials: [
      'AWS Certified Cloud Practitioner',
      'Linux Essentials',
      'HashiCorp Certified: Terraform Associate',
      'Kubernetes and Cloud Native Associate',
    ],
  },
  {
    name: 'Cyber Security Essentials',
    purpose: 'cross_skilling',
    description: 'Security basics for everyone who builds or supports systems.',
    targetRole: null,
    credentials: ['Cyber Security Awareness', 'OWASP Top 10 Awareness', 'ISC2 Certified in Cybersecurity'],
  },
  {
    name: 'Payroll Compliance',
    purpose: 'role',
    description: 'Keeps payroll officers current with legislation and pensions rules.',
    targetRole: 'payroll-officer',
    credentials: [
      'Payroll Essentials',
      'Payroll Legislation Annual Update',
      'Pensions Auto-enrolment Essentials',
      'Data Protection Essentials',
    ],
  },
  {
    name: 'Finance for Managers',
    purpose: 'cross_skilling',
    description: 'Budgets, cost control and buying well, for budget holders.',
    targetRole: null,
    credentials: ['Finance for Non-Financial Managers', 'Budgeting and Forecasting Basics', 'Procurement Essentials'],
  },
  {
    name: 'HR Business Partner Development',
    purpose: 'career_goal',
    description: 'Builds the employment law, casework and planning skills of a business partner.',
    targetRole: 'hr-business-partner',
    credentials: [
      'Employment Law Annual Update',
      'Employee Relations Casework',
      'Strategic Workforce Planning',
      'Coaching Skills for Managers',
    ],
  },
  {
    name: 'Agile Project Delivery',
    purpose: 'cross_skilling',
    description: 'Project and agile delivery for anyone running change.',
    targetRole: 'project-manager',
    credentials: ['Project Management Foundations', 'Professional Scrum Master I', 'PRINCE2 Foundation'],
  },
];

/** Capability targets set on the first leaf team of a department. */
export const CAPABILITY_TARGETS: ReadonlyArray<{ department: string; skill: string; minLevel: number; count: number }> = [
  { department: 'warehousing', skill: 'Forklift Operation', minLevel: 3, count: 6 },
  { department: 'warehousing', skill: 'Health and Safety at Work', minLevel: 3, count: 3 },
  { department: 'transport', skill: 'Dangerous Goods Handling', minLevel: 3, count: 4 },
  { department: 'customer-service', skill: 'Complaint Handling', minLevel: 3, count: 5 },
  { department: 'it-infrastructure', skill: 'Incident Response', minLevel: 3, count: 2 },
  { department: 'software-engineering', skill: 'Secure Coding', minLevel: 3, count: 3 },
  { department: 'data-analytics', skill: 'Apache Spark', minLevel: 3, count: 2 },
  { department: 'payroll', skill: 'Payroll Legislation', minLevel: 3, count: 3 },
  { department: 'procurement', skill: 'Contract Management', minLevel: 3, count: 2 },
];

/** Mandatory training most people complete and renew (credential name, share of employees, division filter). */
export const MANDATORY_TRAINING: ReadonlyArray<{ credential: string; share: number; divisions: string[] | null }> = [
  { credential: 'Cyber Security Awareness', share: 0.85, divisions: null },
  { credential: 'Anti-bribery and Code of Conduct', share: 0.7, divisions: ['commercial', 'finance'] },
  { credential: 'Data Protection Essentials', share: 0.5, divisions: ['people', 'finance', 'commercial'] },
];
