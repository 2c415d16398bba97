import type { Tags } from '../domain/tags.ts';
import type { FeatureProfile, UserPopulation } from './feature-profile.ts';
import type { SeededRandom } from './seeded-random.ts';

/** Customers of the demo company, biggest first; their volume falls off like 1/rank. */
const CUSTOMERS = [
  'northwind',
  'globex',
  'initech',
  'umbrella-health',
  'hooli',
  'stark-logistics',
  'wayne-retail',
  'acme-bank',
  'tyrell-systems',
  'soylent-foods',
  'cyberdyne',
  'wonka-media',
];
const CUSTOMER_WEIGHTS = CUSTOMERS.map((name, rank) => ({ name, weight: 1 / (rank + 1) }));
const USERS_PER_CUSTOMER = 200;
const EMPLOYEES = 180;
const DEVELOPERS = 60;

/** Picks the tags one request carries; the id pools are built once, not per event. */
export class RequestTagger {
  private readonly customerUsers = new Map<string, string[]>();
  private readonly users: Record<Exclude<UserPopulation, 'customer-users'>, string[]> = {
    employees: numbered('employee', EMPLOYEES),
    developers: numbered('developer', DEVELOPERS),
  };

  constructor() {
    for (const customer of CUSTOMERS) {
      this.customerUsers.set(customer, numbered(`${customer}-user`, USERS_PER_CUSTOMER));
    }
  }

  /** Tags in one shape (every key, absent ones undefined), as emitCallAttempts builds events. */
  tagsFor(feature: FeatureProfile, random: SeededRandom): Tags {
    if (feature.team === undefined || random.chance(feature.untaggedShare)) return untagged();
    const environment = random.chance(feature.stagingShare) ? 'staging' : 'production';
    const customer = feature.customerFacing
      ? random.pickWeighted(CUSTOMER_WEIGHTS).name
      : undefined;
    let user: string | undefined;
    if (feature.users === 'customer-users') {
      if (customer !== undefined) user = activeUser(this.customerUsers.get(customer), random);
    } else if (feature.users !== undefined) {
      user = activeUser(this.users[feature.users], random);
    }
    const extras = feature.extraTags;
    return {
      team: feature.team,
      service: feature.service,
      feature: feature.feature,
      environment,
      customer,
      user,
      extra: extras !== undefined ? extras[random.below(extras.length)] : undefined,
    };
  }
}

function untagged(): Tags {
  return {
    team: undefined,
    service: undefined,
    feature: undefined,
    environment: undefined,
    customer: undefined,
    user: undefined,
    extra: undefined,
  };
}

function numbered(prefix: string, count: number): string[] {
  return Array.from(
    { length: count },
    (_, index) => `${prefix}-${String(index + 1).padStart(3, '0')}`,
  );
}

/** Squaring the draw makes a few heavy users and a long tail, as real usage has. */
function activeUser(pool: readonly string[] | undefined, random: SeededRandom): string | undefined {
  if (pool === undefined) return undefined;
  const draw = random.next();
  return pool[Math.floor(draw * draw * pool.length)];
}
