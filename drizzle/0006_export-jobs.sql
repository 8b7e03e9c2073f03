CREATE TABLE `export_jobs` (
	`id` text PRIMARY KEY NOT NULL,
	`workspace_id` text DEFAULT 'default' NOT NULL,
	`storyboard_id` text NOT NULL,
	`kind` text NOT NULL,
	`status` text DEFAULT 'queued' NOT NULL,
	`options` text NOT NULL,
	`progress` real DEFAULT 0 NOT NULL,
	`stage` text,
	`result_key` text,
	`result` text,
	`error_code` text,
	`error_message` text,
	`cancel_requested_at` integer,
	`lease_expires_at` integer,
	`created_at` integer NOT NULL,
	`updated_at` integer NOT NULL,
	`completed_at` integer,
	FOREIGN KEY (`storyboard_id`) REFERENCES `storyboards`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE INDEX `export_jobs_storyboard_idx` ON `export_jobs` (`storyboard_id`,`created_at`);--> statement-breakpoint
CREATE INDEX `export_jobs_status_idx` ON `export_jobs` (`status`);--> statement-breakpoint
ALTER TABLE `frames` ADD `next_check_at` integer;