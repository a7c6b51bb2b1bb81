export { ForbiddenContent as default } from "@/components/layout/status-pages";
