CREATE TABLE `webhook_receipts` (
	`id` text PRIMARY KEY NOT NULL,
	`expires_at` integer NOT NULL,
	`created_at` integer DEFAULT (unixepoch('subsec') * 1000) NOT NULL
);
--> statement-breakpoint
CREATE INDEX `webhook_receipts_expires_idx` ON `webhook_receipts` (`expires_at`);