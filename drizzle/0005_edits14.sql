CREATE TABLE `storyboard_edits` (
	`id` text PRIMARY KEY NOT NULL,
	`storyboard_id` text NOT NULL,
	`seq` integer NOT NULL,
	`kind` text NOT NULL,
	`scene_id` text,
	`before` text NOT NULL,
	`after` text NOT NULL,
	`status` text DEFAULT 'done' NOT NULL,
	`actor_id` text,
	`created_at` integer DEFAULT (unixepoch('subsec') * 1000) NOT NULL,
	`updated_at` integer DEFAULT (unixepoch('subsec') * 1000) NOT NULL,
	FOREIGN KEY (`storyboard_id`) REFERENCES `storyboards`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE UNIQUE INDEX `storyboard_edits_seq_idx` ON `storyboard_edits` (`storyboard_id`,`seq`);--> statement-breakpoint
ALTER TABLE `scenes` ADD `deleted_at` integer;--> statement-breakpoint
ALTER TABLE `storyboards` ADD `approved_by` text;--> statement-breakpoint
ALTER TABLE `storyboards` ADD `revision` integer DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE `storyboards` ADD `deleted_at` integer;