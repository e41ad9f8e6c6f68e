CREATE TABLE "case_events" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"case_id" text NOT NULL,
	"space_id" text NOT NULL,
	"version" bigint NOT NULL,
	"type" text NOT NULL,
	"actor_user_id" text NOT NULL,
	"workstation" text NOT NULL,
	"data" jsonb NOT NULL,
	"occurred_at" bigint NOT NULL,
	"applied_at" bigint NOT NULL,
	"mutation_id" text
);
--> statement-breakpoint
CREATE TABLE "case_number_counters" (
	"day" text PRIMARY KEY NOT NULL,
	"last" integer NOT NULL
);
--> statement-breakpoint
CREATE TABLE "cases" (
	"id" text PRIMARY KEY NOT NULL,
	"space_id" text NOT NULL,
	"case_no" text NOT NULL,
	"status" text NOT NULL,
	"assignee_id" text,
	"lifecycle" jsonb NOT NULL,
	"intake" jsonb NOT NULL,
	"columns" jsonb NOT NULL,
	"created_at" bigint NOT NULL,
	"updated_at" bigint NOT NULL,
	"version" bigint NOT NULL
);
--> statement-breakpoint
CREATE TABLE "refresh_tokens" (
	"id" text PRIMARY KEY NOT NULL,
	"token_hash" text NOT NULL,
	"staff_id" text NOT NULL,
	"workstation_id" text NOT NULL,
	"expires_at" bigint NOT NULL,
	"revoked_at" bigint,
	"created_at" bigint NOT NULL,
	CONSTRAINT "refresh_tokens_token_hash_unique" UNIQUE("token_hash")
);
--> statement-breakpoint
CREATE TABLE "staff" (
	"id" text PRIMARY KEY NOT NULL,
	"username" text NOT NULL,
	"name" text NOT NULL,
	"roles" jsonb NOT NULL,
	"team_id" text,
	"password_hash" text NOT NULL,
	"active" integer DEFAULT 1 NOT NULL,
	"created_at" bigint NOT NULL,
	CONSTRAINT "staff_username_unique" UNIQUE("username")
);
--> statement-breakpoint
CREATE TABLE "sync_clients" (
	"client_id" text PRIMARY KEY NOT NULL,
	"workstation_id" text NOT NULL,
	"last_mutation_id" bigint DEFAULT 0 NOT NULL,
	"created_at" bigint NOT NULL,
	"last_seen_at" bigint NOT NULL
);
--> statement-breakpoint
CREATE TABLE "sync_meta" (
	"key" text PRIMARY KEY NOT NULL,
	"value" text NOT NULL
);
--> statement-breakpoint
CREATE TABLE "sync_mutations" (
	"client_id" text NOT NULL,
	"seq" bigint NOT NULL,
	"mutation_id" text NOT NULL,
	"name" text NOT NULL,
	"args" jsonb NOT NULL,
	"actor_user_id" text NOT NULL,
	"pushed_by" text NOT NULL,
	"occurred_at" bigint NOT NULL,
	"received_at" bigint NOT NULL,
	"client_skew_ms" bigint NOT NULL,
	"outcome" text NOT NULL,
	"error_code" text,
	"error_details" jsonb,
	"space_id" text NOT NULL,
	"version" bigint,
	CONSTRAINT "sync_mutations_client_id_seq_pk" PRIMARY KEY("client_id","seq"),
	CONSTRAINT "sync_mutations_mutation_id_unique" UNIQUE("mutation_id")
);
--> statement-breakpoint
CREATE TABLE "sync_spaces" (
	"space_id" text PRIMARY KEY NOT NULL,
	"version" bigint DEFAULT 0 NOT NULL
);
--> statement-breakpoint
CREATE TABLE "teams" (
	"id" text PRIMARY KEY NOT NULL,
	"name" text NOT NULL
);
--> statement-breakpoint
CREATE TABLE "workstations" (
	"id" text PRIMARY KEY NOT NULL,
	"name" text NOT NULL,
	"registered_by" text NOT NULL,
	"created_at" bigint NOT NULL
);
--> statement-breakpoint
ALTER TABLE "staff" ADD CONSTRAINT "staff_team_id_teams_id_fk" FOREIGN KEY ("team_id") REFERENCES "public"."teams"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "case_events_space_version_idx" ON "case_events" USING btree ("space_id","version");--> statement-breakpoint
CREATE UNIQUE INDEX "cases_case_no_uq" ON "cases" USING btree ("case_no");--> statement-breakpoint
CREATE INDEX "cases_space_version_idx" ON "cases" USING btree ("space_id","version");