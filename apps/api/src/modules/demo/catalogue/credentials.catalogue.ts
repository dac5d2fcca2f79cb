import type { CredentialType, DeliveryMethod } from '@skillgrid/shared';

export interface CredentialSeed {
  name: string;
  provider: string;
  type: CredentialType;
  deliveryMethod: DeliveryMethod;
  hours: number;
  /** In the organisation's currency (GBP). */
  cost: number;
  /** Null: never expires. */
  validityMonths: number | null;
  /** Skill name → level granted. */
  grants: Array<[skill: string, level: number]>;
}

/** The internal academy of the demo organisation. */
export const INTERNAL_ACADEMY = 'Northwind Academy';

function parseGrants(grants: string): Array<[string, number]> {
  return grants.split(';').map((part) => {
    const [skill, level] = part.split('@').map((s) => s.trim());
    return [skill ?? '', Number(level)];
  });
}

const c = (
  name: string,
  provider: string,
  type: CredentialType,
  deliveryMethod: DeliveryMethod,
  hours: number,
  cost: number,
  validityMonths: number | null,
  grants: string,
): CredentialSeed => ({ name, provider, type, deliveryMethod, hours, cost, validityMonths, grants: parseGrants(grants) });

const A = INTERNAL_ACADEMY;

/**
 * The micro-credential catalogue: every requirement of every role is granted at its level by
 * at least one credential (the catalogue spec checks it). Grants are "Skill@level; …".
 */
// One credential per line reads best.
// prettier-ignore
export const CREDENTIALS: readonly CredentialSeed[] = [
  // Warehousing and health & safety
  c('Warehouse Operations Fundamentals', A, 'badge', 'online_course', 8, 0, null, 'Warehouse Operations@2; Order Picking@2; Goods Inward Processing@2; Warehouse Management Systems@1'),
  c('Warehouse Operations Practical Assessment', A, 'workplace_assessment', 'workplace_demonstration', 6, 0, null, 'Warehouse Operations@3; Order Picking@3; Goods Inward Processing@3; Quality Control@2'),
  c('Level 3 Certificate in Warehousing and Storage', 'City & Guilds', 'micro_certification', 'portfolio', 60, 650, null, 'Warehouse Operations@4; Inventory Management@3; Warehouse Management Systems@2'),
  c('Counterbalance Forklift Operator', 'RTITB', 'micro_certification', 'workplace_demonstration', 24, 450, 36, 'Forklift Operation@3; Health and Safety at Work@1'),
  c('Reach Truck Operator Refresher', 'RTITB', 'workplace_assessment', 'workplace_demonstration', 7, 180, 36, 'Forklift Operation@2'),
  c('Safe Manual Handling', A, 'badge', 'online_course', 2, 0, 12, 'Manual Handling@2; Health and Safety at Work@1'),
  c('IOSH Working Safely', 'IOSH', 'micro_certification', 'seminar', 8, 155, 36, 'Health and Safety at Work@2; Risk Assessment@1'),
  c('IOSH Managing Safely', 'IOSH', 'micro_certification', 'seminar', 24, 525, 36, 'Health and Safety at Work@3; Risk Assessment@2'),
  c('First Aid at Work', 'St John Ambulance', 'micro_certification', 'workplace_demonstration', 18, 240, 36, 'Health and Safety at Work@2'),
  c('Supply Chain Management Specialization', 'Coursera (Rutgers University)', 'nano_degree', 'online_course', 60, 240, null, 'Supply Chain Management@3; Inventory Management@2; Transport Planning@1'),
  c('CILT Level 5 Diploma in Logistics and Supply Chain Operations', 'CILT', 'nano_degree', 'lecture', 120, 2250, null, 'Supply Chain Management@4; Transport Planning@3; Inventory Management@3; Strategic Planning@2'),
  c('WMS Super User', A, 'workplace_assessment', 'workplace_demonstration', 4, 0, null, 'Warehouse Management Systems@3; Inventory Management@2'),
  c('Shift Planning and Rostering', A, 'badge', 'seminar', 6, 0, null, 'Shift Planning@3; Time Management@2'),
  c('Lean Six Sigma Yellow Belt', 'IASSC', 'micro_certification', 'online_course', 20, 195, null, 'Lean Six Sigma@2; Continuous Improvement@2; Root Cause Analysis@2'),
  c('Lean Six Sigma Green Belt', 'IASSC', 'micro_certification', 'test', 80, 395, null, 'Lean Six Sigma@3; Continuous Improvement@3; Root Cause Analysis@3; Statistics@2'),
  // Transport
  c('Driver CPC Periodic Training', 'JAUPT-approved centre', 'micro_certification', 'seminar', 35, 350, 60, 'Driver CPC@3; Tachograph Rules@2; Health and Safety at Work@1'),
  c('Tachographs and Drivers’ Hours', 'Road Haulage Association', 'badge', 'seminar', 7, 120, 24, 'Tachograph Rules@3'),
  c('ADR Dangerous Goods Driver Training', 'SQA', 'micro_certification', 'test', 20, 520, 60, 'Dangerous Goods Handling@3'),
  c('Dangerous Goods Awareness', A, 'badge', 'online_course', 3, 0, 24, 'Dangerous Goods Handling@2'),
  c('Transport Planning Essentials', 'CILT', 'micro_certification', 'lecture', 30, 450, null, 'Transport Planning@3; Route Optimisation@2; Fleet Management@2'),
  c('Route Optimisation Tools', A, 'badge', 'online_course', 8, 0, null, 'Route Optimisation@3; Problem Solving@1'),
  c('Transport Manager CPC', 'OCR', 'micro_certification', 'test', 80, 1200, null, 'Fleet Management@3; Transport Planning@3; Tachograph Rules@3; Driver CPC@2'),
  c('Customs Procedures and Compliance', 'Institute of Export & International Trade', 'micro_certification', 'online_course', 25, 395, null, 'Customs and Trade Compliance@3'),
  c('Customs Declarations Basics', 'Institute of Export & International Trade', 'badge', 'online_course', 6, 95, null, 'Customs and Trade Compliance@2'),
  // Customer service
  c('Customer Service Fundamentals', A, 'badge', 'online_course', 4, 0, null, 'Customer Service@2; Active Listening@2; Telephone Etiquette@2'),
  c('ICS Professional Award in Customer Service', 'Institute of Customer Service', 'micro_certification', 'portfolio', 40, 395, null, 'Customer Service@3; Complaint Handling@2; Customer Empathy@3; Active Listening@3'),
  c('ICS Customer Service Manager Award', 'Institute of Customer Service', 'micro_certification', 'portfolio', 45, 650, null, 'Customer Service@4; Service Level Management@3; Customer Retention@2; People Management@2'),
  c('Complaint Handling Masterclass', 'LinkedIn Learning', 'badge', 'online_course', 2, 0, null, 'Complaint Handling@2; Service Recovery@2'),
  c('Advanced Complaint Resolution', A, 'workplace_assessment', 'workplace_demonstration', 6, 0, null, 'Complaint Handling@3; Service Recovery@3; Conflict Resolution@2'),
  c('Live Chat and Messaging Support', A, 'badge', 'online_course', 3, 0, null, 'Live Chat Support@2; Written Communication@2'),
  c('Telephone Service Excellence', A, 'workplace_assessment', 'workplace_demonstration', 2, 0, null, 'Telephone Etiquette@3; Verbal Communication@2'),
  c('Salesforce Service Cloud Basics', 'Salesforce Trailhead', 'badge', 'online_course', 5, 0, null, 'CRM Systems@2'),
  c('Salesforce Certified Administrator', 'Salesforce', 'micro_certification', 'test', 60, 160, 12, 'CRM Systems@4'),
  c('Data Protection Essentials', A, 'badge', 'online_course', 2, 0, 12, 'Data Protection@2'),
  c('CIPP/E Certified Information Privacy Professional', 'IAPP', 'micro_certification', 'test', 40, 550, 24, 'Data Protection@3'),
  // Communication, teamwork and thinking
  c('Effective Business Writing', 'LinkedIn Learning', 'badge', 'online_course', 2, 0, null, 'Business Writing@2; Written Communication@2'),
  c('Good with Words: Writing and Editing', 'Coursera (University of Michigan)', 'nano_degree', 'online_course', 40, 160, null, 'Business Writing@3; Written Communication@3; Report Writing@2'),
  c('Presentation Skills Workshop', A, 'badge', 'seminar', 6, 0, null, 'Presentation Skills@2; Public Speaking@2'),
  c('Dynamic Public Speaking', 'Coursera (University of Washington)', 'nano_degree', 'online_course', 30, 160, null, 'Public Speaking@3; Presentation Skills@3; Verbal Communication@3'),
  c('Effective Communication for Team Leaders', A, 'badge', 'seminar', 6, 0, null, 'Verbal Communication@3; Stakeholder Communication@2; Active Listening@2'),
  c('Negotiation Fundamentals', 'LinkedIn Learning', 'badge', 'online_course', 2, 0, null, 'Negotiation@2'),
  c('Successful Negotiation: Essential Strategies and Skills', 'Coursera (University of Michigan)', 'micro_certification', 'online_course', 15, 49, null, 'Negotiation@3; Active Listening@2'),
  c('Negotiation Mastery', 'Harvard Business School Online', 'micro_certification', 'online_course', 40, 1450, null, 'Negotiation@4; Stakeholder Management@3'),
  c('Working Across Cultures', 'FutureLearn', 'badge', 'online_course', 6, 0, null, 'Cross-cultural Communication@2'),
  c('Working in Teams', A, 'badge', 'online_course', 2, 0, null, 'Teamwork@2; Collaboration Across Functions@1'),
  c('Conflict Resolution Skills', 'LinkedIn Learning', 'badge', 'online_course', 2, 0, null, 'Conflict Resolution@2; Emotional Intelligence@1'),
  c('Coaching Essentials', 'LinkedIn Learning', 'badge', 'online_course', 2, 0, null, 'Coaching Others@2; Giving and Receiving Feedback@2'),
  c('Coaching Skills for Managers', 'ILM', 'micro_certification', 'seminar', 24, 595, null, 'Coaching Others@3; Giving and Receiving Feedback@3; Mentoring@2'),
  c('Remote Work Foundations', 'LinkedIn Learning', 'badge', 'online_course', 2, 0, null, 'Remote Collaboration@2; Adaptability@1'),
  c('Time Management Fundamentals', 'LinkedIn Learning', 'badge', 'online_course', 2, 0, null, 'Time Management@2; Prioritisation@2'),
  c('Critical Thinking and Problem Solving', 'edX (RITx)', 'micro_certification', 'online_course', 24, 199, null, 'Problem Solving@3; Critical Thinking@3; Decision Making@2'),
  c('Problem Solving Techniques', A, 'badge', 'online_course', 3, 0, null, 'Problem Solving@2; Root Cause Analysis@1'),
  c('Accuracy and Attention to Detail', A, 'workplace_assessment', 'test', 2, 0, null, 'Attention to Detail@3'),
  c('Design Thinking for Innovation', 'IDEO U', 'micro_certification', 'online_course', 20, 399, null, 'Creativity and Innovation@3; Problem Solving@2; Systems Thinking@2'),
  // Digital and IT
  c('Excel Essentials', 'LinkedIn Learning', 'badge', 'online_course', 3, 0, null, 'Microsoft Excel@2'),
  c('Microsoft Office Specialist: Excel Associate', 'Microsoft', 'micro_certification', 'test', 20, 95, null, 'Microsoft Excel@3; Spreadsheet Modelling@2'),
  c('Microsoft Office Specialist: Excel Expert', 'Microsoft', 'micro_certification', 'test', 30, 95, null, 'Microsoft Excel@4; Spreadsheet Modelling@3'),
  c('Digital Skills Essentials', A, 'badge', 'online_course', 3, 0, null, 'Digital Literacy@2; Microsoft 365@2'),
  c('ITIL 4 Foundation', 'PeopleCert', 'micro_certification', 'test', 18, 450, null, 'IT Service Management@3; Service Level Management@2'),
  c('Service Desk Essentials', A, 'badge', 'online_course', 4, 0, null, 'Service Desk Tools@2; IT Service Management@2; Customer Service@2'),
  c('Desk-side Support Practical', A, 'workplace_assessment', 'workplace_demonstration', 4, 0, null, 'Hardware Troubleshooting@2; Service Desk Tools@3; Customer Service@2'),
  c('CompTIA A+', 'CompTIA', 'micro_certification', 'test', 100, 460, 36, 'Hardware Troubleshooting@3; Windows Administration@2; Networking Fundamentals@2; Endpoint Management@1'),
  c('CompTIA Network+', 'CompTIA', 'micro_certification', 'test', 80, 330, 36, 'Networking Fundamentals@3; Network Security@2'),
  c('Microsoft Certified: Endpoint Administrator Associate', 'Microsoft', 'micro_certification', 'test', 40, 140, 12, 'Endpoint Management@3; Windows Administration@3; Identity and Access Management@2'),
  c('Linux Essentials', 'Linux Professional Institute', 'badge', 'test', 30, 120, null, 'Linux Administration@2'),
  c('Red Hat Certified System Administrator', 'Red Hat', 'micro_certification', 'test', 80, 400, 36, 'Linux Administration@4; PowerShell Scripting@1'),
  c('SAP S/4HANA Logistics Essentials', 'SAP', 'badge', 'online_course', 8, 0, null, 'ERP Systems@2; Inventory Management@1'),
  c('SAP Finance Essentials', 'SAP', 'badge', 'online_course', 10, 0, null, 'ERP Systems@2; Accounts Payable@1'),
  // Software development
  c('TypeScript Fundamentals', 'Pluralsight', 'badge', 'online_course', 10, 35, null, 'TypeScript@3; JavaScript@2'),
  c('Advanced TypeScript Guild Review', A, 'workplace_assessment', 'portfolio', 16, 0, null, 'TypeScript@4; Code Review@3; API Design@3'),
  c('Meta Front-End Developer Professional Certificate', 'Coursera (Meta)', 'nano_degree', 'online_course', 120, 300, null, 'JavaScript@3; Front-end Web Development@3; Git Version Control@2'),
  c('SQL for Data Science', 'Coursera (UC Davis)', 'badge', 'online_course', 14, 49, null, 'SQL@2; Data Analysis@1'),
  c('Intermediate SQL', 'DataCamp', 'badge', 'online_course', 8, 25, null, 'SQL@3'),
  c('Oracle Database SQL Certified Associate', 'Oracle', 'micro_certification', 'test', 60, 245, null, 'SQL@4; Data Modelling@2'),
  c('Version Control with Git', 'Coursera (Atlassian)', 'badge', 'online_course', 8, 49, null, 'Git Version Control@3'),
  c('GitHub Actions', 'GitHub', 'micro_certification', 'test', 12, 99, 36, 'Continuous Integration and Delivery@3; Git Version Control@2'),
  c('ISTQB Certified Tester Foundation Level', 'ISTQB', 'micro_certification', 'test', 30, 250, null, 'Automated Testing@3; Attention to Detail@2; Debugging@2'),
  c('Test Automation with Playwright', A, 'workplace_assessment', 'portfolio', 12, 0, null, 'Automated Testing@4; TypeScript@2'),
  c('API Design and Fundamentals of Apigee', 'Coursera (Google Cloud)', 'badge', 'online_course', 10, 49, null, 'API Design@3'),
  c('Agile Software Development', 'Coursera (University of Minnesota)', 'badge', 'online_course', 12, 49, null, 'Agile Software Development@3; Agile Delivery@1'),
  c('Secure Software Development Fundamentals', 'edX (OpenSSF)', 'micro_certification', 'online_course', 18, 0, null, 'Secure Coding@3; Vulnerability Management@1'),
  c('OWASP Top 10 Awareness', A, 'badge', 'online_course', 2, 0, 12, 'Secure Coding@2; Cyber Security Awareness@2'),
  c('Code Review Practice', A, 'workplace_assessment', 'workplace_demonstration', 4, 0, null, 'Code Review@3; Giving and Receiving Feedback@2'),
  c('Containers Fundamentals', 'edX (The Linux Foundation)', 'badge', 'online_course', 10, 0, null, 'Docker Containers@2'),
  c('Software Design and Architecture Specialization', 'Coursera (University of Alberta)', 'nano_degree', 'online_course', 60, 200, null, 'Software Architecture@3; API Design@2'),
  c('Python for Everybody Specialization', 'Coursera (University of Michigan)', 'nano_degree', 'online_course', 60, 200, null, 'Python@2'),
  c('PCAP – Certified Associate Python Programmer', 'Python Institute', 'micro_certification', 'test', 40, 295, null, 'Python@3; Debugging@2'),
  c('Oracle Certified Professional: Java SE 17 Developer', 'Oracle', 'micro_certification', 'test', 100, 245, null, 'Java@4; Debugging@3'),
  // Data and analytics
  c('Google Data Analytics Professional Certificate', 'Coursera (Google)', 'nano_degree', 'online_course', 120, 250, null, 'Data Analysis@3; Data Visualisation@2; SQL@2; Analytical Thinking@2'),
  c('Data Analysis Essentials', A, 'badge', 'online_course', 4, 0, null, 'Data Analysis@2; Microsoft Excel@2'),
  c('Power BI Essentials', 'LinkedIn Learning', 'badge', 'online_course', 4, 0, null, 'Power BI@2; Data Visualisation@2'),
  c('Microsoft Certified: Power BI Data Analyst Associate', 'Microsoft', 'micro_certification', 'test', 40, 140, 12, 'Power BI@3; Data Visualisation@3; Data Modelling@2'),
  c('Tableau Desktop Specialist', 'Tableau', 'micro_certification', 'test', 20, 75, null, 'Tableau@3; Data Visualisation@3'),
  c('Basic Statistics', 'Coursera (University of Amsterdam)', 'badge', 'online_course', 25, 49, null, 'Statistics@2'),
  c('Dimensional Data Modelling', A, 'workplace_assessment', 'portfolio', 10, 0, null, 'Data Modelling@3; Data Warehousing@2'),
  c('Data Engineering Zoomcamp', 'DataTalks.Club', 'badge', 'assignment', 80, 0, null, 'ETL Pipelines@3; Data Warehousing@2; Docker Containers@2'),
  c('Databricks Certified Data Engineer Associate', 'Databricks', 'micro_certification', 'test', 40, 160, 24, 'Apache Spark@3; ETL Pipelines@3; Data Warehousing@2'),
  c('SnowPro Core Certification', 'Snowflake', 'micro_certification', 'test', 30, 140, 24, 'Data Warehousing@3; SQL@3'),
  c('Data Quality Fundamentals', A, 'badge', 'online_course', 4, 0, null, 'Data Quality Management@2; Data Governance@1'),
  c('Machine Learning Specialization', 'Coursera (DeepLearning.AI)', 'nano_degree', 'online_course', 90, 150, null, 'Machine Learning Fundamentals@3; Python@2; Statistics@2'),
  c('Demand Forecasting Fundamentals', 'edX (Georgia Tech)', 'badge', 'online_course', 16, 120, null, 'Forecasting@2; Statistics@1'),
  // Cloud and infrastructure
  c('AWS Certified Cloud Practitioner', 'AWS', 'micro_certification', 'test', 20, 80, 36, 'AWS Cloud Fundamentals@2; Cloud Cost Management@1'),
  c('AWS Certified Solutions Architect – Associate', 'AWS', 'micro_certification', 'test', 60, 120, 36, 'AWS Cloud Fundamentals@3; Cloud Architecture@3; Backup and Disaster Recovery@2'),
  c('Microsoft Certified: Azure Fundamentals', 'Microsoft', 'micro_certification', 'test', 12, 85, null, 'Microsoft Azure@2'),
  c('Microsoft Certified: Azure Administrator Associate', 'Microsoft', 'micro_certification', 'test', 60, 140, 12, 'Microsoft Azure@3; Identity and Access Management@3; Networking Fundamentals@2'),
  c('Google Cloud Digital Leader', 'Google Cloud', 'micro_certification', 'test', 15, 80, 36, 'Google Cloud Platform@2'),
  c('HashiCorp Certified: Terraform Associate', 'HashiCorp', 'micro_certification', 'test', 30, 60, 24, 'Infrastructure as Code@3'),
  c('Kubernetes and Cloud Native Associate', 'The Linux Foundation', 'micro_certification', 'test', 20, 210, 36, 'Kubernetes@2; Docker Containers@2'),
  c('Certified Kubernetes Administrator', 'The Linux Foundation', 'micro_certification', 'test', 60, 370, 24, 'Kubernetes@4; Linux Administration@3; Docker Containers@2'),
  c('Prometheus Certified Associate', 'The Linux Foundation', 'micro_certification', 'test', 20, 210, 36, 'Monitoring and Observability@3'),
  c('Observability in Practice', A, 'workplace_assessment', 'portfolio', 12, 0, null, 'Monitoring and Observability@3; Site Reliability Engineering@2'),
  c('FinOps Certified Practitioner', 'FinOps Foundation', 'micro_certification', 'test', 16, 300, 24, 'Cloud Cost Management@3; Budgeting and Forecasting@1'),
  // Security and compliance
  c('Cyber Security Awareness', A, 'badge', 'online_course', 2, 0, 12, 'Cyber Security Awareness@2'),
  c('ISC2 Certified in Cybersecurity', 'ISC2', 'micro_certification', 'test', 25, 50, 36, 'Cyber Security Awareness@3; Network Security@2; Incident Response@1; Information Security Management@1'),
  c('CompTIA Security+', 'CompTIA', 'micro_certification', 'test', 80, 390, 36, 'Network Security@3; Threat Analysis@2; Vulnerability Management@2; Cyber Security Awareness@3'),
  c('CompTIA CySA+', 'CompTIA', 'micro_certification', 'test', 80, 390, 36, 'Threat Analysis@3; Security Operations@3; Vulnerability Management@3; Incident Response@2'),
  c('GIAC Certified Incident Handler', 'GIAC', 'micro_certification', 'test', 48, 2495, 36, 'Incident Response@4; Threat Analysis@3'),
  c('Incident Response Tabletop Exercise', A, 'workplace_assessment', 'workplace_demonstration', 4, 0, 12, 'Incident Response@3; Decision Making@2'),
  c('ISO/IEC 27001 Foundation', 'BSI', 'micro_certification', 'lecture', 16, 690, null, 'Information Security Management@2; Risk Assessment@2'),
  c('Anti-bribery and Code of Conduct', A, 'badge', 'online_course', 2, 0, 12, 'Anti-bribery and Compliance@2'),
  // Finance, payroll and procurement
  c('Bookkeeping Basics', 'LinkedIn Learning', 'badge', 'online_course', 3, 0, null, 'Bookkeeping@2; Accounts Payable@1'),
  c('AAT Level 2 Certificate in Bookkeeping', 'AAT', 'micro_certification', 'test', 60, 450, null, 'Bookkeeping@3; Accounts Payable@2; Accounts Receivable@2'),
  c('Purchase-to-Pay Process Assessment', A, 'workplace_assessment', 'workplace_demonstration', 4, 0, null, 'Accounts Payable@3; ERP Systems@2; Attention to Detail@2'),
  c('Introduction to Financial Accounting', 'Coursera (Wharton)', 'badge', 'online_course', 20, 79, null, 'Financial Reporting@2; Bookkeeping@2'),
  c('ACCA Diploma in IFRS', 'ACCA', 'micro_certification', 'test', 100, 995, null, 'Financial Reporting@4'),
  c('Financial Modeling & Valuation Analyst (FMVA)', 'Corporate Finance Institute', 'nano_degree', 'online_course', 120, 480, null, 'Financial Analysis@4; Spreadsheet Modelling@4; Financial Reporting@3; Budgeting and Forecasting@3'),
  c('Financial Analysis Essentials', 'LinkedIn Learning', 'badge', 'online_course', 3, 0, null, 'Financial Analysis@2'),
  c('Budgeting and Forecasting Basics', 'LinkedIn Learning', 'badge', 'online_course', 3, 0, null, 'Budgeting and Forecasting@2; Forecasting@1'),
  c('CIMA Certificate in Business Accounting', 'CIMA', 'nano_degree', 'test', 120, 1100, null, 'Management Accounting@3; Bookkeeping@3; Financial Reporting@2'),
  c('CIMA Management Accounting (P2)', 'CIMA', 'micro_certification', 'test', 100, 650, null, 'Management Accounting@4; Cost Control@3; Budgeting and Forecasting@3'),
  c('Finance for Non-Financial Managers', 'CMI', 'micro_certification', 'seminar', 14, 650, null, 'Budget Ownership@3; Budgeting and Forecasting@3; Cost Control@2'),
  c('Leading with Finance', 'Harvard Business School Online', 'micro_certification', 'online_course', 45, 1450, null, 'Budget Ownership@4; Financial Analysis@3; Strategic Planning@3'),
  c('Payroll Essentials', A, 'badge', 'online_course', 6, 0, null, 'Payroll Processing@2; Payroll Legislation@1'),
  c('Payroll Technician Certificate (Level 3)', 'CIPP', 'micro_certification', 'test', 90, 1400, null, 'Payroll Processing@4; Payroll Legislation@3; Pension Administration@2'),
  c('Payroll Legislation Annual Update', 'CIPP', 'badge', 'seminar', 6, 195, 12, 'Payroll Legislation@3; Tax Compliance@1'),
  c('Payroll Processing Practical', A, 'workplace_assessment', 'workplace_demonstration', 4, 0, null, 'Payroll Processing@3; HR Information Systems@2; Attention to Detail@2'),
  c('Pensions Auto-enrolment Essentials', 'CIPP', 'badge', 'online_course', 5, 120, 24, 'Pension Administration@2'),
  c('VAT Essentials', 'ICAEW', 'badge', 'online_course', 6, 150, null, 'Tax Compliance@2'),
  c('Procurement Essentials', A, 'badge', 'online_course', 4, 0, null, 'Procurement@2; Anti-bribery and Compliance@1'),
  c('CIPS Level 2 Certificate in Procurement and Supply Operations', 'CIPS', 'micro_certification', 'test', 60, 900, null, 'Procurement@3; Supplier Relationship Management@2; Contract Management@2'),
  c('CIPS Level 4 Contract Management', 'CIPS', 'micro_certification', 'test', 40, 600, null, 'Contract Management@3; Supplier Relationship Management@3; Negotiation@2; Procurement@2'),
  c('CIPS Ethical Procurement and Supply', 'CIPS', 'badge', 'online_course', 4, 45, 12, 'Anti-bribery and Compliance@3; Procurement@1'),
  // Leadership, project management and HR
  c('First-time Manager Programme', A, 'nano_degree', 'seminar', 40, 0, null, 'People Management@3; Leadership@2; Performance Management@2; Delegation@2'),
  c('ILM Level 3 Award in Leadership and Management', 'ILM', 'micro_certification', 'portfolio', 40, 650, null, 'Leadership@3; People Management@3; Performance Management@3; Delegation@3'),
  c('CMI Level 5 Certificate in Management and Leadership', 'CMI', 'nano_degree', 'portfolio', 120, 2200, null, 'Leadership@4; People Management@4; Change Management@3; Strategic Planning@3'),
  c('ILM Level 7 Certificate in Executive Management', 'ILM', 'nano_degree', 'portfolio', 120, 2495, null, 'Leadership@5; Strategic Planning@4; Change Management@4; Stakeholder Management@4'),
  c('Performance Conversations', A, 'workplace_assessment', 'workplace_demonstration', 3, 0, null, 'Performance Management@3; Giving and Receiving Feedback@3'),
  c('Change Management Foundation', 'APMG International', 'micro_certification', 'test', 21, 850, null, 'Change Management@3'),
  c('Prosci Certified Change Practitioner', 'Prosci', 'micro_certification', 'seminar', 24, 2450, null, 'Change Management@4; Stakeholder Management@3'),
  c('Strategic Planning Essentials', 'LinkedIn Learning', 'badge', 'online_course', 2, 0, null, 'Strategic Planning@2'),
  c('Stakeholder Management Basics', 'LinkedIn Learning', 'badge', 'online_course', 2, 0, null, 'Stakeholder Management@2'),
  c('Project Management Foundations', 'LinkedIn Learning', 'badge', 'online_course', 3, 0, null, 'Project Management@2'),
  c('PRINCE2 Foundation', 'PeopleCert', 'micro_certification', 'test', 20, 500, 36, 'Project Management@3; Risk Management@2'),
  c('PRINCE2 Practitioner', 'PeopleCert', 'micro_certification', 'test', 24, 650, 36, 'Project Management@4; Risk Management@3; Stakeholder Management@2'),
  c('Professional Scrum Master I', 'Scrum.org', 'micro_certification', 'test', 16, 150, null, 'Agile Delivery@3; Agile Software Development@2'),
  c('IRM Certificate in Risk Management Essentials', 'Institute of Risk Management', 'micro_certification', 'online_course', 30, 600, null, 'Risk Management@3; Risk Assessment@3'),
  c('Inclusive Leadership', A, 'badge', 'seminar', 3, 0, 24, 'Diversity and Inclusion@2; Leadership@1'),
  c('Employment Law Essentials', 'CIPD', 'badge', 'online_course', 6, 195, null, 'Employment Law@2'),
  c('Employment Law Annual Update', 'CIPD', 'badge', 'seminar', 6, 295, 12, 'Employment Law@3; Employee Relations@2'),
  c('CIPD Employment Relations Law', 'CIPD', 'micro_certification', 'lecture', 40, 1200, null, 'Employment Law@4; Employee Relations@4'),
  c('Employee Relations Casework', A, 'workplace_assessment', 'workplace_demonstration', 6, 0, null, 'Employee Relations@3; Conflict Resolution@3'),
  c('Workday HCM Fundamentals', 'Workday', 'badge', 'online_course', 10, 0, null, 'HR Information Systems@2'),
  c('HRIS Super User', A, 'workplace_assessment', 'workplace_demonstration', 4, 0, null, 'HR Information Systems@3; Data Protection@1'),
  c('People Analytics', 'Coursera (Wharton)', 'badge', 'online_course', 12, 79, null, 'Data Analysis@2; Workforce Planning@2'),
  c('Strategic Workforce Planning', 'CIPD', 'micro_certification', 'seminar', 14, 650, null, 'Workforce Planning@3; Strategic Planning@2'),
  c('Talent Management Essentials', 'LinkedIn Learning', 'badge', 'online_course', 3, 0, null, 'Talent Management@2'),
  c('CIPD Talent Management', 'CIPD', 'micro_certification', 'online_course', 20, 550, null, 'Talent Management@3; Workforce Planning@2'),
  c('Recruitment and Selection Skills', 'CIPD', 'micro_certification', 'seminar', 12, 395, null, 'Recruitment and Selection@3; Employment Law@1; Diversity and Inclusion@2'),
  c('Competency-based Interviewing', A, 'workplace_assessment', 'workplace_demonstration', 3, 0, null, 'Recruitment and Selection@3; Active Listening@2'),
  c('CIPD Level 3 Certificate in Learning and Development Practice', 'CIPD', 'nano_degree', 'portfolio', 100, 1700, null, 'Learning Design@3; Presentation Skills@2; Coaching Others@2'),
  c('Level 3 Award in Education and Training', 'City & Guilds', 'micro_certification', 'portfolio', 48, 450, null, 'Presentation Skills@3; Learning Design@2; Public Speaking@2; Coaching Others@2'),
  // Sales and marketing
  c('Consultative Selling Skills', A, 'badge', 'seminar', 8, 0, null, 'Consultative Selling@2; Customer Needs Analysis@2'),
  c('HubSpot Inbound Sales Certification', 'HubSpot Academy', 'badge', 'online_course', 4, 0, 24, 'Consultative Selling@2; Pipeline Management@2; CRM Systems@2'),
  c('ISP Level 3 Professional Sales Certificate', 'Institute of Sales Professionals', 'micro_certification', 'portfolio', 40, 950, null, 'Consultative Selling@3; Customer Needs Analysis@3; Pipeline Management@3; Negotiation@2'),
  c('Key Account Management Certificate', 'Institute of Sales Management', 'micro_certification', 'seminar', 16, 795, null, 'Account Management@3; Customer Retention@3; Stakeholder Management@2'),
  c('Account Management Essentials', 'LinkedIn Learning', 'badge', 'online_course', 3, 0, null, 'Account Management@2; Customer Retention@2'),
  c('Bid Writing Masterclass', 'APMP', 'micro_certification', 'seminar', 12, 495, null, 'Tender and Bid Writing@3; Business Writing@2'),
  c('Google Digital Marketing & E-commerce Professional Certificate', 'Coursera (Google)', 'nano_degree', 'online_course', 120, 250, null, 'Digital Marketing@3; Content Marketing@2; Search Engine Optimisation@2; Market Research@2'),
  c('HubSpot Content Marketing Certification', 'HubSpot Academy', 'badge', 'online_course', 6, 0, 24, 'Content Marketing@3; Business Writing@2'),
  c('Google Analytics Certification', 'Google', 'micro_certification', 'test', 6, 0, 12, 'Marketing Analytics@2; Digital Marketing@2; Data Analysis@2'),
  c('SEO Fundamentals', 'Semrush Academy', 'badge', 'online_course', 4, 0, null, 'Search Engine Optimisation@2'),
  c('CIM Certificate in Professional Marketing', 'CIM', 'nano_degree', 'assignment', 120, 1800, null, 'Market Research@3; Brand Management@3; Content Marketing@2; Marketing Analytics@2'),
  c('Brand Management: Aligning Business, Brand and Behaviour', 'Coursera (London Business School)', 'badge', 'online_course', 15, 49, null, 'Brand Management@2'),
];
