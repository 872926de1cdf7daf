import { useParams } from 'react-router-dom';

/** A positive integer route parameter, or 0 when the URL holds something else. */
export function useIdParam(name = 'id'): number {
  const id = Number(useParams()[name]);
  return Number.isInteger(id) && id > 0 ? id : 0;
}
