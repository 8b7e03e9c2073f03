CREATE TABLE `gpu_jobs` (
	`id` text PRIMARY KEY NOT NULL,
	`status` text NOT NULL,
	`progress` integer DEFAULT 0 NOT NULL,
	`prompts` text NOT NULL,
	`result_urls` text NOT NULL,
	`error_message` text,
	`created_at` integer DEFAULT (unixepoch('subsec') * 1000) NOT NULL,
	`updated_at` integer DEFAULT (unixepoch('subsec') * 1000) NOT NULL
);
