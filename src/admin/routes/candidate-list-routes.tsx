// GET /candidates: search, filter, sort, page. Unknown values in the query string are a 400 saying which.
import { Hono } from 'hono';
import type { AdminEnv, AdminServices } from '../admin-context.js';
import { candidateListQuery, listCandidatesForAdmin } from '../candidate-listing.js';
import { readQuery, renderPage, renderProblem } from '../route-kit.js';
import { CandidatesPage } from '../views/candidates-page.js';
import { listRecruiters } from '../../library/recruiter-repository.js';

export function createCandidateListRoutes(services: AdminServices): Hono<AdminEnv> {
  const app = new Hono<AdminEnv>();
  app.get('/candidates', async (c) => {
    try {
      const listing = await listCandidatesForAdmin(services, readQuery(c, candidateListQuery));
      const body = (
        <CandidatesPage
          listing={listing}
          recruiters={await services.cache.get('recruiters', () => listRecruiters(services.deps.db))}
          now={services.deps.now()}
          zone={services.zone}
        />
      );
      return renderPage(c, services, { title: 'Candidates', section: 'candidates', body });
    } catch (error) {
      return renderProblem(c, services, error, 'candidates');
    }
  });
  return app;
}
