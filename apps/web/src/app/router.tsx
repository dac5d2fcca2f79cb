import { Center } from '@mantine/core';
import { lazy, Suspense, type ReactNode } from 'react';
import { createBrowserRouter, Navigate, type RouteObject } from 'react-router';
import { DelayedLoader } from '../components/ui/delayed-loader';
import { RequireAuth } from './guards/require-auth';
import { RequirePage } from './guards/require-page';
import { useCurrentUser } from './guards/session';
import { AppLayout } from './layout/app-layout';
import { homePathFor } from './personas';
import { NotFoundPage } from './routes/not-found-page';
import { RouteErrorPage } from './routes/route-error-page';

// Every page is its own chunk, so the first load carries only the shell (≤ 250 kB gzip, UI.md).
const SignInPage = lazy(() => import('./routes/sign-in-page'));
const EmployeesPage = lazy(() => import('./routes/employees-page'));
const EmployeePage = lazy(() => import('./routes/employee-page'));
const MySkillsPage = lazy(() => import('./routes/my-skills-page'));
const OrganisationPage = lazy(() => import('./routes/organisation-page'));
const CataloguePage = lazy(() => import('./routes/catalogue-page'));
const OverviewPage = lazy(() => import('./routes/overview-page'));
const HeatmapPage = lazy(() => import('./routes/heatmap-page'));
const MatrixPage = lazy(() => import('./routes/matrix-page'));
const GapsPage = lazy(() => import('./routes/gaps-page'));
const SinglePointsOfFailurePage = lazy(() => import('./routes/single-points-of-failure-page'));
const ExpiringPage = lazy(() => import('./routes/expiring-page'));
const ExpertsPage = lazy(() => import('./routes/experts-page'));
const AssignmentsPage = lazy(() => import('./routes/assignments-page'));
const EffectivenessPage = lazy(() => import('./routes/effectiveness-page'));
const ImportsPage = lazy(() => import('./routes/imports-page'));
const ForecastPage = lazy(() => import('./routes/forecast-page'));

function HomeRedirect() {
  return <Navigate to={homePathFor(useCurrentUser())} replace />;
}

function StandaloneSuspense({ children }: { children: ReactNode }) {
  return (
    <Suspense
      fallback={
        <Center mih="100vh">
          <DelayedLoader />
        </Center>
      }
    >
      {children}
    </Suspense>
  );
}

export const routes: RouteObject[] = [
  {
    errorElement: <RouteErrorPage />,
    children: [
      {
        path: '/sign-in',
        element: (
          <StandaloneSuspense>
            <SignInPage />
          </StandaloneSuspense>
        ),
      },
      {
        element: <RequireAuth />,
        children: [
          {
            element: <AppLayout />,
            children: [
              { index: true, element: <HomeRedirect /> },
              {
                path: 'overview',
                element: (
                  <RequirePage page="overview">
                    <OverviewPage />
                  </RequirePage>
                ),
              },
              {
                path: 'heatmap',
                element: (
                  <RequirePage page="heatmap">
                    <HeatmapPage />
                  </RequirePage>
                ),
              },
              {
                path: 'heatmap/teams/:teamId/matrix',
                element: (
                  <RequirePage page="matrix">
                    <MatrixPage />
                  </RequirePage>
                ),
              },
              {
                path: 'gaps',
                element: (
                  <RequirePage page="gaps">
                    <GapsPage />
                  </RequirePage>
                ),
              },
              {
                path: 'single-points-of-failure',
                element: (
                  <RequirePage page="single-points-of-failure">
                    <SinglePointsOfFailurePage />
                  </RequirePage>
                ),
              },
              {
                path: 'expiring',
                element: (
                  <RequirePage page="expiring">
                    <ExpiringPage />
                  </RequirePage>
                ),
              },
              {
                path: 'experts',
                element: (
                  <RequirePage page="experts">
                    <ExpertsPage />
                  </RequirePage>
                ),
              },
              {
                path: 'forecast',
                element: (
                  <RequirePage page="forecast">
                    <ForecastPage />
                  </RequirePage>
                ),
              },
              {
                path: 'employees',
                element: (
                  <RequirePage page="employees">
                    <EmployeesPage />
                  </RequirePage>
                ),
              },
              {
                path: 'employees/:id',
                element: (
                  <RequirePage page="employees">
                    <EmployeePage />
                  </RequirePage>
                ),
              },
              {
                path: 'assignments',
                element: (
                  <RequirePage page="assignments">
                    <AssignmentsPage />
                  </RequirePage>
                ),
              },
              {
                path: 'effectiveness',
                element: (
                  <RequirePage page="effectiveness">
                    <EffectivenessPage />
                  </RequirePage>
                ),
              },
              {
                path: 'me',
                element: (
                  <RequirePage page="me">
                    <MySkillsPage />
                  </RequirePage>
                ),
              },
              {
                path: 'organisation',
                element: (
                  <RequirePage page="organisation">
                    <OrganisationPage />
                  </RequirePage>
                ),
              },
              {
                path: 'catalogue',
                element: (
                  <RequirePage page="catalogue">
                    <CataloguePage />
                  </RequirePage>
                ),
              },
              {
                path: 'imports',
                element: (
                  <RequirePage page="imports">
                    <ImportsPage />
                  </RequirePage>
                ),
              },
              { path: '*', element: <NotFoundPage /> },
            ],
          },
        ],
      },
    ],
  },
];

export function createAppRouter() {
  return createBrowserRouter(routes);
}
