import { EMPLOYMENT_BASES, PRIORITY_CATEGORIES, RELATIONSHIPS } from "@/lib/rules/eligibility-types";
import { UNIT_TYPES } from "@/lib/rules/unit-type";
import { areaM2FromDm2 } from "@/lib/rules/area";
import { INELIGIBILITY_ARTICLES } from "@/lib/rules/explanations";
import { ESTATE_LEVELS, MARITAL_STATUSES, MAX_HOUSEHOLD_MEMBERS, MAX_PREFERRED_ESTATES } from "@/lib/applications/schemas";
import { MAX_ANNUAL_INCOME_FEN, MAX_FLOOR_AREA_DM2 } from "@/lib/money/parse";

// The OpenAPI 3.1 description of the intake API and the public estates list
// (shared/docs/intake-api.md), served at GET /api/v1/openapi.json. Enumerations come from the same
// constants the validation uses, so the document cannot drift from the behaviour.

const APPLICATION_STATUSES = [
  "SUBMITTED", "RETURNED", "ACCEPTED", "FIRST_REVIEW_PASSED", "FIRST_REVIEW_REJECTED", "SECOND_REVIEW_PASSED",
  "SECOND_REVIEW_REJECTED", "IN_PUBLICITY", "OBJECTION_UPHELD", "APPEALED", "REJECTED", "QUALIFIED", "ALLOCATED",
  "HOUSED", "CANCELLED", "WITHDRAWN",
];

const ref = (name: string) => ({ $ref: `#/components/schemas/${name}` });
const isoDate = { type: "string", format: "date", description: "Calendar date in China Standard Time, YYYY-MM-DD." };
const residentId = {
  type: "string",
  pattern: "^\\d{17}[\\dXx]$",
  description: "18-character PRC resident identity number (GB 11643-1999) with a valid checksum. Sex and birth date are taken from it.",
};
const fen = { type: "integer", minimum: 0, maximum: MAX_ANNUAL_INCOME_FEN, description: "Annual income in fen (1 yuan = 100 fen)." };
const name = { type: "string", minLength: 1, maxLength: 50 };

const errorBody = (description: string, example: string) => ({
  description,
  content: { "application/json": { schema: ref("Error"), example: { error: example } } },
});

export function intakeOpenApiDocument(): Record<string, unknown> {
  return {
    openapi: "3.1.0",
    info: {
      title: "Anju intake API (公租房申请受理接口)",
      version: "1.0.0",
      description:
        "Applications for Chongqing public rental housing from the government service platform (渝快办), Art. 15 of the Measures " +
        "(渝府发〔2024〕17号). Requests are signed with HMAC-SHA256; the estates list is public. A failing eligibility pre-check " +
        "does not reject a submission: officers decide (Art. 19).",
    },
    servers: [{ url: "/" }],
    tags: [{ name: "intake" }, { name: "payments" }, { name: "public" }],
    paths: {
      "/api/v1/intake/applications": {
        post: {
          tags: ["intake"],
          operationId: "submitApplication",
          summary: "Submit an application (idempotent by externalId)",
          security: [{ intakeTimestamp: [], intakeSignature: [] }],
          requestBody: { required: true, content: { "application/json": { schema: ref("IntakeApplication") } } },
          responses: {
            "201": { description: "Created and submitted.", content: { "application/json": { schema: ref("IntakeCreated") } } },
            "200": {
              description: "The same externalId was received before: the first response's body, verbatim; nothing new is stored.",
              content: { "application/json": { schema: ref("IntakeCreated") } },
            },
            "400": errorBody("The body is not JSON.", "请求内容不是有效的 JSON"),
            "401": errorBody("Missing or wrong signature, or a timestamp more than 300 s from the server clock. Nothing changes.", "签名无效"),
            "409": {
              description: "A resident ID in the household is already on another open application or a lease (Art. 12).",
              content: { "application/json": { schema: ref("AlreadyHoused") } },
            },
            "413": errorBody("The body is larger than 1 MiB.", "请求内容过大"),
            "422": {
              description: "Fails validation: bad resident ID, unknown district or estate, estate level not allowed (Art. 15), unit type too large (Art. 21), missing consent (Art. 16)…",
              content: { "application/json": { schema: ref("ValidationError") } },
            },
            "503": errorBody("The intake API is not configured (no shared secret in production).", "受理接口未配置"),
          },
        },
      },
      "/api/v1/intake/applications/{applicationNo}": {
        get: {
          tags: ["intake"],
          operationId: "getApplicationStatus",
          summary: "Status, history and current deadline of an application submitted through this API",
          description: "Signed like the POST, over an empty body.",
          security: [{ intakeTimestamp: [], intakeSignature: [] }],
          parameters: [
            { name: "applicationNo", in: "path", required: true, schema: { type: "string", example: "GZF-500106-2026-000123" } },
          ],
          responses: {
            "200": { description: "The application.", content: { "application/json": { schema: ref("IntakeStatus") } } },
            "401": errorBody("Missing or wrong signature, or a stale timestamp.", "签名无效"),
            "404": errorBody("No application with this number came through the intake API.", "未找到该申请"),
          },
        },
      },
      "/api/v1/estates": {
        get: {
          tags: ["public"],
          operationId: "listEstates",
          summary: "Active public rental housing estates with the unit types they have",
          security: [],
          responses: {
            "200": {
              description: "Estates, by code.",
              content: { "application/json": { schema: { type: "array", items: ref("Estate") } } },
            },
          },
        },
      },
      "/api/v1/payments/{provider}/callback": {
        post: {
          tags: ["payments"],
          operationId: "paymentCallback",
          summary: "A payment provider reports what became of a tenant's rent payment (Art. 28-29)",
          description:
            "Settled once by the provider's payment id: a replayed or reordered callback is answered 200 with result " +
            "`already-processed` and changes nothing. The built-in test provider (`test`) signs like a gateway: " +
            "X-Payment-Signature is \"sha256=\" + lowercase hex HMAC-SHA256 over `${X-Payment-Timestamp}.${rawBody}`.",
          security: [{ paymentTimestamp: [], paymentSignature: [] }],
          parameters: [{ name: "provider", in: "path", required: true, schema: { type: "string", example: "test" } }],
          requestBody: { required: true, content: { "application/json": { schema: ref("PaymentCallback") } } },
          responses: {
            "200": { description: "Applied, or applied before.", content: { "application/json": { schema: ref("PaymentCallbackResult") } } },
            "400": errorBody("The body is not a callback, or its order number or amount does not match the order. Nothing changes.", "金额与订单不符"),
            "401": errorBody("Missing or wrong signature, or a timestamp more than 300 s from the server clock. Nothing changes.", "回调签名无效"),
            "404": errorBody("Unknown provider or payment.", "没有这笔支付"),
            "413": errorBody("The body is larger than 16 KiB.", "回调内容过大"),
          },
        },
      },
      "/api/v1/openapi.json": {
        get: {
          tags: ["public"],
          operationId: "getOpenApiDocument",
          summary: "This document",
          security: [],
          responses: { "200": { description: "OpenAPI 3.1 document.", content: { "application/json": { schema: { type: "object" } } } } },
        },
      },
    },
    components: {
      securitySchemes: {
        paymentTimestamp: { type: "apiKey", in: "header", name: "X-Payment-Timestamp", description: "Unix time in seconds; rejected when more than 300 s from the server clock." },
        paymentSignature: { type: "apiKey", in: "header", name: "X-Payment-Signature", description: "sha256= + hex HMAC-SHA256 over `${timestamp}.${rawBody}` with the provider's secret." },
        intakeTimestamp: {
          type: "apiKey",
          in: "header",
          name: "X-Intake-Timestamp",
          description: "Unix time in seconds; rejected when more than 300 s from the server clock.",
        },
        intakeSignature: {
          type: "apiKey",
          in: "header",
          name: "X-Intake-Signature",
          description:
            "`sha256=` followed by the lowercase hex HMAC-SHA256, keyed with the platform's shared secret, of the exact bytes " +
            "`${timestamp}.${rawBody}` (an empty body for GET).",
        },
      },
      schemas: {
        IntakeApplication: {
          type: "object",
          required: ["externalId", "districtCode", "estateLevel", "applicant", "housing", "familyCanSupportHousing", "preferences", "consentToVerification", "declarationTrue"],
          properties: {
            externalId: { type: "string", minLength: 1, maxLength: 100, pattern: "^[\\x21-\\x7e]+$", description: "The platform's id; repeats are idempotent." },
            submittedAt: { type: "string", format: "date-time", description: "When the applicant submitted on the platform (ISO 8601 with offset)." },
            districtCode: { type: "string", pattern: "^\\d{6}$", description: "Six-digit code of the Chongqing district or county office receiving the application (Art. 15)." },
            estateLevel: {
              type: "string",
              enum: [...ESTATE_LEVELS],
              description: "MUNICIPAL: city-held estates; the office and the applicant's work district must be central urban districts. DISTRICT: the office's district, where the applicant works (Art. 15).",
            },
            applicant: ref("Applicant"),
            members: { type: "array", maxItems: MAX_HOUSEHOLD_MEMBERS - 1, items: ref("Member"), description: "Co-applicants (Art. 12)." },
            housing: ref("Housing"),
            familyCanSupportHousing: { type: "boolean", description: "Art. 13.6." },
            priorityCategories: { type: "array", items: { type: "string", enum: [...PRIORITY_CATEGORIES] }, description: "Art. 14, 22." },
            receivesRentalSubsidy: { type: "boolean", default: false, description: "Art. 14." },
            preferences: ref("Preferences"),
            consentToVerification: { const: true, description: "Written consent to verification against shared data (Art. 16)." },
            declarationTrue: { const: true, description: "The applicant declares the application true (Art. 16)." },
          },
        },
        Applicant: {
          type: "object",
          required: ["name", "residentId", "phone", "maritalStatus", "fullCivilCapacity", "employment", "annualIncomeFen"],
          properties: {
            name,
            residentId,
            phone: { type: "string", pattern: "^1[3-9]\\d{9}$", description: "Mobile number for notices; the applicant sees the application in the portal after signing in with it." },
            maritalStatus: { type: "string", enum: [...MARITAL_STATUSES] },
            fullCivilCapacity: { type: "boolean" },
            employment: { type: "string", enum: [...EMPLOYMENT_BASES], description: "Basis of stable work and income in Chongqing (Art. 13.3)." },
            employerName: { type: ["string", "null"], maxLength: 100, description: "Required for LABOR_CONTRACT and BUSINESS_LICENSE." },
            workDistrictCode: { type: ["string", "null"], pattern: "^\\d{6}$", description: "District of the workplace or pension; required unless employment is NONE (Art. 15)." },
            isMigrantWorker: { type: "boolean", default: false },
            annualIncomeFen: fen,
          },
        },
        Member: {
          type: "object",
          required: ["name", "residentId", "relationship", "fullCivilCapacity", "annualIncomeFen"],
          properties: {
            name,
            residentId,
            relationship: { type: "string", enum: RELATIONSHIPS.filter((r) => r !== "APPLICANT"), description: "At most one SPOUSE; a spouse requires a MARRIED applicant." },
            maritalStatus: { type: ["string", "null"], enum: [...MARITAL_STATUSES, null] },
            fullCivilCapacity: { type: "boolean" },
            annualIncomeFen: fen,
          },
        },
        Housing: {
          type: "object",
          required: ["ownsUrbanHousingInCity"],
          properties: {
            ownsUrbanHousingInCity: { type: "boolean" },
            housingFloorAreaM2: { type: "number", minimum: 0, maximum: areaM2FromDm2(MAX_FLOOR_AREA_DM2), multipleOf: 0.01, default: 0, description: "Total floor area owned in the city; 0 without housing, above 0 with it." },
            lastHousingTransferDate: { oneOf: [isoDate, { type: "null" }], description: "Latest sale or transfer of housing by any member (Art. 13.5); not in the future." },
          },
        },
        Preferences: {
          type: "object",
          required: ["estateCodes", "unitType"],
          properties: {
            estateCodes: {
              type: "array",
              minItems: 1,
              maxItems: MAX_PREFERRED_ESTATES,
              uniqueItems: true,
              items: { type: "string" },
              description: "Codes from GET /api/v1/estates, first choice first: active, of the chosen level, in scope, with units of the chosen type.",
            },
            unitType: { type: "string", enum: [...UNIT_TYPES], description: "A type the household may take (Art. 21)." },
          },
        },
        EligibilityReason: {
          type: "object",
          required: ["code", "article", "message"],
          properties: {
            code: { type: "string", enum: Object.keys(INELIGIBILITY_ARTICLES) },
            article: { type: "string", description: "Article of the Measures, e.g. \"13.4\"." },
            message: { type: "string" },
            params: { type: "object", additionalProperties: { type: ["string", "number"] } },
          },
        },
        EligibilityResult: {
          type: "object",
          required: ["eligible", "reasons", "householdSize", "perCapitaIncomeFen", "incomeLimitFen"],
          properties: {
            eligible: { type: "boolean" },
            reasons: { type: "array", items: ref("EligibilityReason"), description: "Every condition that fails; empty iff eligible." },
            householdSize: { type: "integer" },
            perCapitaIncomeFen: { type: "number" },
            incomeLimitFen: { type: "number" },
          },
        },
        IntakeCreated: {
          type: "object",
          required: ["applicationNo", "status", "eligibility"],
          properties: {
            applicationNo: { type: "string", example: "GZF-500106-2026-000123" },
            status: { type: "string", const: "SUBMITTED" },
            eligibility: ref("EligibilityResult"),
          },
        },
        IntakeStatus: {
          type: "object",
          required: ["applicationNo", "externalId", "status", "statusHistory", "deadlines"],
          properties: {
            applicationNo: { type: "string" },
            externalId: { type: "string" },
            status: { type: "string", enum: APPLICATION_STATUSES },
            statusHistory: {
              type: "array",
              items: { type: "object", required: ["status", "at"], properties: { status: { type: "string", enum: APPLICATION_STATUSES }, at: { type: "string", format: "date-time" } } },
            },
            deadlines: {
              type: "object",
              description: "The working-day due date of the current stage only (Art. 19); empty when the stage has none.",
              properties: {
                firstReviewDueDate: isoDate,
                secondReviewDueDate: isoDate,
                publicityEndDate: isoDate,
                appealDueDate: isoDate,
              },
            },
          },
        },
        Estate: {
          type: "object",
          required: ["code", "name", "level", "districtCode", "unitTypes"],
          properties: {
            code: { type: "string" },
            name: { type: "string" },
            level: { type: "string", enum: [...ESTATE_LEVELS] },
            districtCode: { type: "string" },
            unitTypes: { type: "array", items: { type: "string", enum: [...UNIT_TYPES] } },
          },
        },
        Error: { type: "object", required: ["error"], properties: { error: { type: "string" } } },
        Issue: { type: "object", required: ["path", "message"], properties: { path: { type: "string", example: "members.0.residentId" }, message: { type: "string" } } },
        ValidationError: {
          type: "object",
          required: ["error", "issues"],
          properties: { error: { type: "string" }, issues: { type: "array", items: ref("Issue") } },
        },
        PaymentCallback: {
          type: "object",
          required: ["paymentId", "orderNo", "status", "amountFen", "paidAt"],
          properties: {
            paymentId: { type: "string", description: "The provider's payment id.", example: "tp_4f1c2a9e0b7d3c5a6e8f1029" },
            orderNo: { type: "string", description: "The portal's order number.", example: "PO-20261201-3FA9C01B2E" },
            status: { type: "string", enum: ["PAID", "FAILED"] },
            amountFen: { type: "integer", minimum: 1, description: "Whole fen (1 yuan = 100 fen)." },
            paidAt: { type: "string", format: "date-time" },
          },
        },
        PaymentCallbackResult: {
          type: "object",
          required: ["result", "orderNo"],
          properties: { result: { type: "string", enum: ["settled", "failed", "already-processed"] }, orderNo: { type: "string" }, receiptNo: { type: "string" } },
        },
        AlreadyHoused: {
          type: "object",
          required: ["error", "code"],
          properties: { error: { type: "string" }, code: { const: "ALREADY_HOUSED" }, issues: { type: "array", items: ref("Issue") } },
        },
      },
    },
  };
}
