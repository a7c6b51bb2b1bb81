import { Button } from "@/components/ui/button";
import { formatBytes } from "@/lib/documents/format";

/** One uploaded document in a list: its link, size and a remove button (client lists render it). */
export function DocumentRow({
  id,
  fileName,
  sizeBytes,
  label,
  removeLabel,
  disabled,
  onRemove,
}: {
  id: string;
  fileName: string;
  sizeBytes: number;
  /** What kind of document, before the name. */
  label?: string;
  removeLabel: string;
  disabled: boolean;
  onRemove: (id: string) => void;
}) {
  return (
    <li className="flex flex-wrap items-center justify-between gap-2 rounded-md bg-slate-50 px-3 py-2">
      <span className="min-w-0">
        {label ? <span className="mr-2 text-sm text-slate-600">{label}</span> : null}
        <a href={`/api/documents/${id}`} className="break-all text-brand-700 underline">
          {fileName}
        </a>
      </span>
      <span className="flex items-center gap-2 text-sm text-slate-600">
        {formatBytes(sizeBytes)}
        <Button variant="ghost" className="min-h-9 px-2 text-accent-600" disabled={disabled} onClick={() => onRemove(id)}>
          {removeLabel}
          <span className="sr-only">{fileName}</span>
        </Button>
      </span>
    </li>
  );
}
