/** A score out of five as stars, read out as "4 out of 5". */
export function Stars({ score, className }: { score: number; className?: string }) {
  const rounded = Math.round(score);
  return (
    <span className={className} role="img" aria-label={`${score} out of 5`}>
      <span aria-hidden="true" className="text-amber-600">
        {'★'.repeat(rounded)}
      </span>
      <span aria-hidden="true" className="text-slate-500">
        {'★'.repeat(5 - rounded)}
      </span>
    </span>
  );
}
