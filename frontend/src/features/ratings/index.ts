/** What other features may use of the ratings: a dancer's rating stats and received ratings. */
export { ratingStatsQuery, receivedRatingsQuery } from './queries';
