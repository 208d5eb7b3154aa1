// A real OpenID Connect provider for the sign-in journeys (tests/e2e/test_sign_in_sso.py), on 127.0.0.1
// only: the certified `oidc-provider` package (installed by .ci/run), its own login form, one static client
// (the app) and static accounts with an e-mail, a name and a group claim. No network.
//
//   node tests/e2e/oidc_provider.mjs PORT APP_URL ACCOUNTS_JSON
//
// APP_URL is the app's address (its redirect_uri is APP_URL/oauth2callback); ACCOUNTS_JSON maps a login to its
// claims: {"fac": {"email": "...", "name": "...", "groups": ["..."]}}. Prints "ready ISSUER" once listening.
import Provider, { interactionPolicy } from 'oidc-provider';

const [port, appUrl, accountsJson] = process.argv.slice(2);
const accounts = JSON.parse(accountsJson);
const issuer = `http://127.0.0.1:${port}`;
const callback = `${appUrl}/oauth2callback`;

// Streamlit asks for prompt=select_account (Google's account chooser); this provider has one account per
// browser session, so the prompt is accepted and asks nothing.
const policy = interactionPolicy.base();
const selectAccount = new interactionPolicy.Prompt({ name: 'select_account', requestable: true });
selectAccount.checks.remove('select_account_prompt');
policy.add(selectAccount);

const page = (title, body) => `<!DOCTYPE html><html><head><meta charset="utf-8"><title>${title}</title></head>
<body><main><h1>${title}</h1>${body}</main></body></html>`;

const provider = new Provider(issuer, {
  clients: [
    {
      client_id: 'workshop-app',
      client_secret: 'workshop-app-secret-for-tests-only',
      redirect_uris: [callback],
      post_logout_redirect_uris: [callback],
      response_types: ['code'],
      grant_types: ['authorization_code'],
      token_endpoint_auth_method: 'client_secret_basic',
    },
  ],
  claims: {
    openid: ['sub'],
    email: ['email', 'email_verified'],
    profile: ['name'],
    groups: ['groups'],
  },
  // Streamlit reads the claims of the verified ID token only: the scopes' claims go into it, as Entra ID,
  // Google and Keycloak (with a mapper) put e-mail, name and groups there.
  conformIdTokenClaims: false,
  interactions: { policy },
  features: {
    devInteractions: { enabled: true }, // the provider's own login form (any password)
    rpInitiatedLogout: {
      enabled: true,
      logoutSource: async (ctx, form) => {
        ctx.body = page('Sign out of the test provider?', `${form}
          <button autofocus type="submit" form="op.logoutForm" value="yes" name="logout">Yes, sign me out</button>
          <button type="submit" form="op.logoutForm">No, stay signed in</button>`);
      },
      postLogoutSuccessSource: async (ctx) => {
        ctx.body = page('Signed out of the test provider', '');
      },
    },
  },
  renderError: async (ctx, out) => {
    ctx.type = 'html';
    ctx.body = page('Provider error', `<pre>${JSON.stringify(out).replace(/</g, '&lt;')}</pre>`);
  },
  // A first-party app: no consent screen. The grant covers what the app asks for.
  loadExistingGrant: async (ctx) => {
    const known = ctx.oidc.result?.consent?.grantId || ctx.oidc.session.grantIdFor(ctx.oidc.client.clientId);
    if (known) return ctx.oidc.provider.Grant.find(known);
    const grant = new ctx.oidc.provider.Grant({ clientId: ctx.oidc.client.clientId, accountId: ctx.oidc.session.accountId });
    grant.addOIDCScope('openid email profile groups');
    await grant.save();
    return grant;
  },
  findAccount: async (ctx, id) => {
    const known = accounts[id];
    if (!known) return undefined;
    return {
      accountId: id,
      claims: async () => ({ sub: id, email_verified: true, ...known }),
    };
  },
  pkce: { required: () => false },
  cookies: { keys: ['test-provider-cookie-key-not-secret'] },
  ttl: { Session: 3600, Interaction: 600, Grant: 3600, IdToken: 600, AccessToken: 600, AuthorizationCode: 60 },
});
provider.proxy = false;

const server = provider.listen(Number(port), '127.0.0.1', () => {
  process.stdout.write(`ready ${issuer}\n`);
});
process.on('SIGTERM', () => server.close(() => process.exit(0)));
