CREATE TABLE `frames` (
	`id` text PRIMARY KEY NOT NULL,
	`scene_id` text NOT NULL,
	`storyboard_id` text NOT NULL,
	`provider` text NOT NULL,
	`model` text NOT NULL,
	`prediction_id` text,
	`status` text DEFAULT 'queued' NOT NULL,
	`attempt` integer DEFAULT 1 NOT NULL,
	`retry_of_frame_id` text,
	`input` text NOT NULL,
	`seed` integer,
	`progress` real,
	`error_code` text,
	`error_message` text,
	`finalize_attempts` integer DEFAULT 0 NOT NULL,
	`lease_token` text,
	`lease_expires_at` integer,
	`last_checked_at` integer,
	`next_attempt_at` integer,
	`original_key` text,
	`display_key` text,
	`thumbnail_key` text,
	`content_type` text,
	`width` integer,
	`height` integer,
	`bytes` integer,
	`content_hash` text,
	`unit_price` real DEFAULT 0 NOT NULL,
	`cost` real,
	`predict_time_seconds` real,
	`completed_at` integer,
	`created_at` integer DEFAULT (unixepoch('subsec') * 1000) NOT NULL,
	`updated_at` integer DEFAULT (unixepoch('subsec') * 1000) NOT NULL,
	FOREIGN KEY (`scene_id`) REFERENCES `scenes`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`storyboard_id`) REFERENCES `storyboards`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE UNIQUE INDEX `frames_prediction_idx` ON `frames` (`prediction_id`);--> statement-breakpoint
CREATE UNIQUE INDEX `frames_retry_of_idx` ON `frames` (`retry_of_frame_id`);--> statement-breakpoint
CREATE INDEX `frames_scene_idx` ON `frames` (`scene_id`,`created_at`);--> statement-breakpoint
CREATE INDEX `frames_storyboard_idx` ON `frames` (`storyboard_id`,`status`);--> statement-breakpoint
CREATE TABLE `scenes` (
	`id` text PRIMARY KEY NOT NULL,
	`storyboard_id` text NOT NULL,
	`order` integer NOT NULL,
	`narrative_role` text,
	`description` text NOT NULL,
	`image_prompt` text NOT NULL,
	`duration_seconds` real NOT NULL,
	`shot_type` text NOT NULL,
	`camera_move` text NOT NULL,
	`characters` text,
	`dialogue` text,
	`notes` text,
	`selected_frame_id` text,
	`revision` integer DEFAULT 0 NOT NULL,
	`created_at` integer DEFAULT (unixepoch('subsec') * 1000) NOT NULL,
	`updated_at` integer DEFAULT (unixepoch('subsec') * 1000) NOT NULL,
	FOREIGN KEY (`storyboard_id`) REFERENCES `storyboards`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE INDEX `scenes_storyboard_order_idx` ON `scenes` (`storyboard_id`,`order`);--> statement-breakpoint
CREATE TABLE `storyboards` (
	`id` text PRIMARY KEY NOT NULL,
	`workspace_id` text DEFAULT 'default' NOT NULL,
	`title` text NOT NULL,
	`logline` text,
	`prompt` text NOT NULL,
	`source_kind` text NOT NULL,
	`form` text,
	`style` text NOT NULL,
	`aspect_ratio` text NOT NULL,
	`target_duration` real NOT NULL,
	`total_duration` real DEFAULT 0 NOT NULL,
	`status` text DEFAULT 'draft' NOT NULL,
	`planner_used` text NOT NULL,
	`planner_model` text,
	`style_bible` text,
	`characters` text,
	`approved_at` integer,
	`created_at` integer DEFAULT (unixepoch('subsec') * 1000) NOT NULL,
	`updated_at` integer DEFAULT (unixepoch('subsec') * 1000) NOT NULL
);
--> statement-breakpoint
CREATE INDEX `storyboards_workspace_created_idx` ON `storyboards` (`workspace_id`,`created_at`);