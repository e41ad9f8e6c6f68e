CREATE TABLE "business_volumes" (
	"carrier_id" text NOT NULL,
	"period" text NOT NULL,
	"pieces" bigint NOT NULL,
	"imported_by" text NOT NULL,
	"imported_at" bigint NOT NULL,
	CONSTRAINT "business_volumes_carrier_id_period_pk" PRIMARY KEY("carrier_id","period")
);
--> statement-breakpoint
CREATE TABLE "calendar_years" (
	"year" integer PRIMARY KEY NOT NULL,
	"data" jsonb NOT NULL,
	"updated_by" text NOT NULL,
	"updated_at" bigint NOT NULL
);
--> statement-breakpoint
CREATE TABLE "rule_profile_activations" (
	"seq" bigserial PRIMARY KEY NOT NULL,
	"profile_id" text NOT NULL,
	"version" integer NOT NULL,
	"activated_by" text NOT NULL,
	"activated_at" bigint NOT NULL
);
--> statement-breakpoint
CREATE TABLE "rule_profiles" (
	"profile_id" text NOT NULL,
	"version" integer NOT NULL,
	"definition" jsonb NOT NULL,
	"author" text NOT NULL,
	"created_at" bigint NOT NULL,
	CONSTRAINT "rule_profiles_profile_id_version_pk" PRIMARY KEY("profile_id","version")
);
