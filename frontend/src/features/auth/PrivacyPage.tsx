import { Link } from 'react-router-dom';
import { AuthShell } from './AuthShell';

const STORED = [
  {
    what: 'Your account',
    why: 'E-mail address (to sign in, confirm the address and reset the password), username, and a password hash: never the password itself.',
  },
  {
    what: 'Your profile',
    why: 'Display name, photo, WSDC number, role, division, city, country and social links, as you enter them: so that dancers recognise you on the floor and matching can prefer someone nearby.',
  },
  {
    what: 'Events, heats and matches',
    why: 'The events you join or check in to, your heats and bib, the recording partners you match with, and the ratings you give and get: this is what the app is for.',
  },
  {
    what: 'Messages',
    why: 'Event chat and private chat messages, so that both people can read them later.',
  },
  {
    what: 'Sessions and notifications',
    why: 'Your signed-in devices (to end them from anywhere), push subscriptions and your notifications, so that they reach your phone.',
  },
  {
    what: 'Safety',
    why: 'Blocks and reports you make, and moderators’ decisions, to keep events safe.',
  },
];

/** What is stored and why; open signed in or not. */
export function PrivacyPage() {
  return (
    <AuthShell title="Privacy">
      <div className="space-y-4 text-sm text-slate-700">
        <p>
          <strong>Videos never touch our server.</strong> They go from phone to phone over an
          encrypted WebRTC connection; the server only helps the two phones find each other.
        </p>
        <dl className="space-y-3">
          {STORED.map(({ what, why }) => (
            <div key={what}>
              <dt className="font-semibold text-slate-900">{what}</dt>
              <dd>{why}</dd>
            </div>
          ))}
        </dl>
        <p>
          Your profile page has <strong>Download my data</strong> (everything above, as a JSON file)
          and <strong>Delete my account</strong>: your personal data is erased, and your messages
          and ratings stay for the people you danced with, signed “Deleted dancer”.
        </p>
        <p className="text-center">
          <Link to="/profile" className="inline-block py-3 font-semibold text-violet-700 underline">
            Go to your profile
          </Link>
        </p>
      </div>
    </AuthShell>
  );
}
