import { getTranslations } from "next-intl/server";
import { can } from "@/lib/auth/permissions";
import { getCurrentUser } from "@/lib/auth/session";
import { SHARED_DATA_SOURCES, type SharedDataSourceCode } from "@/lib/shared-data/layouts";
import { buildCsvTemplate, buildXlsxTemplate } from "@/lib/shared-data/template";

// GET /staff/shared-data/template/<SOURCE>[?format=xlsx]: the import template of one source.
export async function GET(request: Request, { params }: { params: Promise<{ source: string }> }): Promise<Response> {
  const user = await getCurrentUser();
  if (!user) return new Response("Unauthorized", { status: 401 });
  if (!can(user, "sharedData:import")) return new Response("Forbidden", { status: 403 });
  const { source } = await params;
  if (!(SHARED_DATA_SOURCES as readonly string[]).includes(source)) return new Response("Not found", { status: 404 });
  const code = source as SharedDataSourceCode;
  const t = await getTranslations("sharedData");
  const name = t("templates.fileName", { source: t(`sources.${code}`) });
  const xlsx = new URL(request.url).searchParams.get("format") === "xlsx";
  const body = xlsx ? await buildXlsxTemplate(code, t(`sources.${code}`)) : buildCsvTemplate(code);
  const fileName = `${name}.${xlsx ? "xlsx" : "csv"}`;
  return new Response(body as BodyInit, {
    headers: {
      "Content-Type": xlsx ? "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet" : "text/csv; charset=utf-8",
      "Content-Disposition": `attachment; filename="${code.toLowerCase()}-template.${xlsx ? "xlsx" : "csv"}"; filename*=UTF-8''${encodeURIComponent(fileName)}`,
      "Cache-Control": "private, no-store",
    },
  });
}
