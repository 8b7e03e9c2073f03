ALTER TABLE `frames` ADD `depicts` text;--> statement-breakpoint
ALTER TABLE `scenes` ADD `diagram` text;