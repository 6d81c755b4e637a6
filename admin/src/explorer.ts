import 'graphiql/graphiql.css';

import { createGraphiQLFetcher } from '@graphiql/toolkit';
import { GraphiQL } from 'graphiql';
import { createElement } from 'react';
import { createRoot } from 'react-dom/client';

/**
 * GraphiQL from the project's own packages, so the explorer works with no internet. Same-origin requests carry
 * the session cookie, so what you may do here is what you may do in the console; subscriptions too, over the
 * WebSocket the server takes at the same path.
 */
const fetcher = createGraphiQLFetcher({
  url: '/graphql',
  subscriptionUrl: `${location.protocol === 'https:' ? 'wss' : 'ws'}://${location.host}/graphql`,
  fetch: (input, init) => fetch(input, { ...init, credentials: 'same-origin' }),
});

const defaultQuery = `# The claims you may see, each with who made it and the words it rests on.
{
  claims(first: 5) {
    totalCount
    edges {
      node {
        text
        claimantName
        status
        evidence { selector { exact } sourceRevision { source { title } } }
      }
    }
  }
}
`;

createRoot(document.getElementById('explorer')!).render(createElement(GraphiQL, { fetcher, defaultQuery }));
