// The English messages, one file per feature namespace (docs/decisions/008).
import meta from "./meta.json";
import common from "./common.json";
import roles from "./roles.json";
import nav from "./nav.json";
import home from "./home.json";
import auth from "./auth.json";
import applicant from "./applicant.json";
import staff from "./staff.json";
import admin from "./admin.json";
import errors from "./errors.json";
import validation from "./validation.json";
import review from "./review.json";
import publicity from "./publicity.json";
import appeals from "./appeals.json";
import notifications from "./notifications.json";
import sharedData from "./sharedData.json";
import rechecks from "./rechecks.json";
import audits from "./audits.json";
import applications from "./applications.json";
import statusReasons from "./statusReasons.json";
import referenceIncomes from "./referenceIncomes.json";
import stock from "./stock.json";
import allocation from "./allocation.json";
import tenancy from "./tenancy.json";
import repairs from "./repairs.json";

const messages = { meta, common, roles, nav, home, auth, applicant, staff, admin, errors, validation, review, publicity, appeals, notifications, sharedData, rechecks, audits, applications, statusReasons, referenceIncomes, stock, allocation, tenancy, repairs };
export default messages;
