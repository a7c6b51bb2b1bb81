export { NotFoundContent as default } from "@/components/layout/status-pages";
