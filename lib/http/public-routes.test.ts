import { describe, expect, it } from "vitest";
import { internalRoute, localizedPath, pageParam, visiblePath } from "./public-routes";

const route = (path: string) => {
  const url = new URL(path, "http://x");
  return internalRoute(url.pathname, url.searchParams);
};

describe("internalRoute", () => {
  it("gives the publicity list's filters as path segments", () => {
    expect(route("/publicity")).toEqual({ pathname: "/publicity", search: "" });
    expect(route("/publicity?page=1")).toEqual({ pathname: "/publicity", search: "" });
    expect(route("/publicity?district=500103")).toEqual({ pathname: "/publicity/list/500103/1", search: "" });
    expect(route("/publicity?district=500103&page=3")).toEqual({ pathname: "/publicity/list/500103/3", search: "" });
    expect(route("/publicity?page=2")).toEqual({ pathname: "/publicity/list/all/2", search: "" });
    expect(route("/publicity?district=&page=abc")).toEqual({ pathname: "/publicity", search: "" });
  });

  it("gives a batch's page as a path segment and its search as a query", () => {
    expect(route("/publicity/cabc123")).toEqual({ pathname: "/publicity/cabc123", search: "" });
    expect(route("/publicity/cabc123?page=1")).toEqual({ pathname: "/publicity/cabc123", search: "" });
    expect(route("/publicity/cabc123?page=200")).toEqual({ pathname: "/publicity/cabc123/p/200", search: "" });
    expect(route("/publicity/cabc123?q=GZF-500103&page=2")).toEqual({ pathname: "/publicity/cabc123/search", search: "?q=GZF-500103&page=2" });
    expect(route("/publicity/cabc123?q=%20%20")).toEqual({ pathname: "/publicity/cabc123", search: "" });
  });

  it("drops what the cached pages do not take, keeping Next's _rsc", () => {
    expect(route("/publicity/cabc123?utm=x&page=99999")).toEqual({ pathname: "/publicity/cabc123", search: "" });
    expect(route("/publicity?_rsc=abc")).toEqual({ pathname: "/publicity", search: "?_rsc=abc" });
  });

  it("leaves every other path and query as they are", () => {
    expect(route("/staff/publicity/b1?page=2&q=GZF")).toEqual({ pathname: "/staff/publicity/b1", search: "?page=2&q=GZF" });
    expect(route("/publicity/b1/objection/e1")).toEqual({ pathname: "/publicity/b1/objection/e1", search: "" });
    expect(route("/")).toEqual({ pathname: "/", search: "" });
  });
});

describe("pageParam", () => {
  it("takes 1-10000 only", () => {
    expect(pageParam("7")).toBe(7);
    expect(pageParam("0")).toBe(1);
    expect(pageParam("10001")).toBe(1);
    expect(pageParam("2.5")).toBe(1);
    expect(pageParam(null)).toBe(1);
  });
});

describe("localizedPath and visiblePath", () => {
  it("add and take off the locale segment", () => {
    expect(localizedPath("en", "/")).toBe("/en");
    expect(localizedPath("zh-CN", "/publicity")).toBe("/zh-CN/publicity");
    expect(visiblePath("/en")).toBe("/");
    expect(visiblePath("/zh-CN/publicity/b1/p/2")).toBe("/publicity/b1/p/2");
    expect(visiblePath("/publicity")).toBe("/publicity");
    expect(visiblePath("/english")).toBe("/english");
  });
});
