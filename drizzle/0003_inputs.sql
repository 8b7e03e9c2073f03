CREATE TABLE `input_jobs` (
	`id` text PRIMARY KEY NOT NULL,
	`workspace_id` text DEFAULT 'default' NOT NULL,
	`kind` text NOT NULL,
	`status` text NOT NULL,
	`understanding` text,
	`storyboard_id` text,
	`error_code` text,
	`error_message` text,
	`execution_time_ms` integer,
	`created_at` integer NOT NULL,
	`completed_at` integer,
	FOREIGN KEY (`storyboard_id`) REFERENCES `storyboards`(`id`) ON UPDATE no action ON DELETE set null
);
--> statement-breakpoint
CREATE INDEX `input_jobs_workspace_idx` ON `input_jobs` (`workspace_id`,`created_at`);