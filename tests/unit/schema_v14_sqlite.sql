CREATE TABLE settings (
	"key" VARCHAR(100) NOT NULL, 
	value TEXT NOT NULL, 
	PRIMARY KEY ("key")
);
CREATE TABLE workshops (
	id INTEGER NOT NULL, 
	name VARCHAR(200) NOT NULL, 
	description TEXT NOT NULL, 
	language VARCHAR(8) NOT NULL, 
	template_key VARCHAR(100) NOT NULL, 
	is_demo BOOLEAN NOT NULL, 
	publish_log_immediately BOOLEAN NOT NULL, 
	facilitator_code_hash VARCHAR(300) NOT NULL, 
	leadership_code_hash VARCHAR(300) NOT NULL, 
	team_code_salt VARCHAR(64) NOT NULL, 
	weak_gap FLOAT NOT NULL, 
	strong_gap FLOAT NOT NULL, 
	weak_strength FLOAT NOT NULL, 
	strong_strength FLOAT NOT NULL, 
	created_at DATETIME NOT NULL, 
	start_date DATE, 
	end_date DATE, 
	PRIMARY KEY (id)
);
CREATE TABLE sign_in_attempts (
	scope VARCHAR(100) NOT NULL, 
	failures INTEGER NOT NULL, 
	last_failure_at FLOAT NOT NULL, 
	PRIMARY KEY (scope)
);
CREATE TABLE data_versions (
	table_name VARCHAR(100) NOT NULL, 
	shard INTEGER NOT NULL, 
	version INTEGER NOT NULL, 
	PRIMARY KEY (table_name, shard)
);
CREATE TABLE space_weights (
	workshop_id INTEGER NOT NULL, 
	space VARCHAR(40) NOT NULL, 
	weight INTEGER NOT NULL, 
	UNIQUE (workshop_id, space), 
	FOREIGN KEY(workshop_id) REFERENCES workshops (id) ON DELETE CASCADE
);
CREATE INDEX ix_space_weights_workshop_id ON space_weights (workshop_id);
CREATE TABLE teams (
	id INTEGER NOT NULL, 
	workshop_id INTEGER NOT NULL, 
	name VARCHAR(200) NOT NULL, 
	code_hash VARCHAR(128) NOT NULL, 
	PRIMARY KEY (id), 
	UNIQUE (workshop_id, code_hash), 
	FOREIGN KEY(workshop_id) REFERENCES workshops (id) ON DELETE CASCADE
);
CREATE INDEX ix_teams_workshop_id ON teams (workshop_id);
CREATE TABLE partners (
	id INTEGER NOT NULL, 
	workshop_id INTEGER NOT NULL, 
	name VARCHAR(200) NOT NULL, 
	sector VARCHAR(20) NOT NULL, 
	stage VARCHAR(20) NOT NULL, 
	description TEXT NOT NULL, 
	contact VARCHAR(200) NOT NULL, 
	PRIMARY KEY (id), 
	FOREIGN KEY(workshop_id) REFERENCES workshops (id) ON DELETE CASCADE
);
CREATE INDEX ix_partners_workshop_id ON partners (workshop_id);
CREATE TABLE offers (
	id INTEGER NOT NULL, 
	workshop_id INTEGER NOT NULL, 
	name VARCHAR(200) NOT NULL, 
	description TEXT NOT NULL, 
	owner_team VARCHAR(200) NOT NULL, 
	target_groups JSON NOT NULL, 
	status VARCHAR(20) NOT NULL, 
	reach INTEGER NOT NULL, 
	strength INTEGER NOT NULL, 
	inspiration INTEGER NOT NULL, 
	learning INTEGER NOT NULL, 
	meeting INTEGER NOT NULL, 
	performative INTEGER NOT NULL, 
	partners JSON NOT NULL, 
	tags JSON NOT NULL, 
	primary_space VARCHAR(40), 
	PRIMARY KEY (id), 
	FOREIGN KEY(workshop_id) REFERENCES workshops (id) ON DELETE CASCADE
);
CREATE INDEX ix_offers_workshop_id ON offers (workshop_id);
CREATE TABLE main_points (
	id INTEGER NOT NULL, 
	workshop_id INTEGER NOT NULL, 
	position INTEGER NOT NULL, 
	title VARCHAR(200) NOT NULL, 
	description TEXT NOT NULL, 
	spaces JSON NOT NULL, 
	PRIMARY KEY (id), 
	FOREIGN KEY(workshop_id) REFERENCES workshops (id) ON DELETE CASCADE
);
CREATE INDEX ix_main_points_workshop_id ON main_points (workshop_id);
CREATE TABLE days (
	id INTEGER NOT NULL, 
	workshop_id INTEGER NOT NULL, 
	position INTEGER NOT NULL, 
	date DATE, 
	title VARCHAR(200) NOT NULL, 
	status VARCHAR(20) NOT NULL, 
	PRIMARY KEY (id), 
	FOREIGN KEY(workshop_id) REFERENCES workshops (id) ON DELETE CASCADE
);
CREATE INDEX ix_days_workshop_id ON days (workshop_id);
CREATE TABLE themes (
	id INTEGER NOT NULL, 
	workshop_id INTEGER NOT NULL, 
	title VARCHAR(200) NOT NULL, 
	status VARCHAR(20) NOT NULL, 
	decision TEXT NOT NULL, 
	reactions_open BOOLEAN NOT NULL, 
	PRIMARY KEY (id), 
	FOREIGN KEY(workshop_id) REFERENCES workshops (id) ON DELETE CASCADE
);
CREATE INDEX ix_themes_workshop_id ON themes (workshop_id);
CREATE TABLE target_groups (
	workshop_id INTEGER NOT NULL, 
	position INTEGER NOT NULL, 
	name VARCHAR(100) NOT NULL, 
	UNIQUE (workshop_id, name), 
	FOREIGN KEY(workshop_id) REFERENCES workshops (id) ON DELETE CASCADE
);
CREATE INDEX ix_target_groups_workshop_id ON target_groups (workshop_id);
CREATE TABLE publications (
	workshop_id INTEGER NOT NULL, 
	published BOOLEAN NOT NULL, 
	updated_at DATETIME NOT NULL, 
	PRIMARY KEY (workshop_id), 
	FOREIGN KEY(workshop_id) REFERENCES workshops (id) ON DELETE CASCADE
);
CREATE TABLE votes (
	id INTEGER NOT NULL, 
	workshop_id INTEGER NOT NULL, 
	title VARCHAR(200) NOT NULL, 
	target VARCHAR(20) NOT NULL, 
	dots INTEGER NOT NULL, 
	is_open BOOLEAN NOT NULL, 
	PRIMARY KEY (id), 
	FOREIGN KEY(workshop_id) REFERENCES workshops (id) ON DELETE CASCADE
);
CREATE INDEX ix_votes_workshop_id ON votes (workshop_id);
CREATE TABLE mapping_phases (
	workshop_id INTEGER NOT NULL, 
	status VARCHAR(20) NOT NULL, 
	scope VARCHAR(20) NOT NULL, 
	PRIMARY KEY (workshop_id), 
	FOREIGN KEY(workshop_id) REFERENCES workshops (id) ON DELETE CASCADE
);
CREATE TABLE projector_links (
	workshop_id INTEGER NOT NULL, 
	token_hash VARCHAR(64) NOT NULL, 
	created_at DATETIME NOT NULL, 
	PRIMARY KEY (workshop_id), 
	FOREIGN KEY(workshop_id) REFERENCES workshops (id) ON DELETE CASCADE, 
	UNIQUE (token_hash)
);
CREATE TABLE role_sessions (
	token_hash VARCHAR(64) NOT NULL, 
	workshop_id INTEGER NOT NULL, 
	role VARCHAR(20) NOT NULL, 
	expires_at DATETIME NOT NULL, 
	PRIMARY KEY (token_hash), 
	FOREIGN KEY(workshop_id) REFERENCES workshops (id) ON DELETE CASCADE
);
CREATE INDEX ix_role_sessions_workshop_id ON role_sessions (workshop_id);
CREATE TABLE assets (
	id INTEGER NOT NULL, 
	workshop_id INTEGER NOT NULL, 
	position INTEGER NOT NULL, 
	title VARCHAR(200) NOT NULL, 
	description TEXT NOT NULL, 
	PRIMARY KEY (id), 
	FOREIGN KEY(workshop_id) REFERENCES workshops (id) ON DELETE CASCADE
);
CREATE INDEX ix_assets_workshop_id ON assets (workshop_id);
CREATE TABLE partner_stages (
	id INTEGER NOT NULL, 
	workshop_id INTEGER NOT NULL, 
	partner_id INTEGER NOT NULL, 
	stage VARCHAR(20) NOT NULL, 
	changed_on DATE NOT NULL, 
	note VARCHAR(200) NOT NULL, 
	PRIMARY KEY (id), 
	FOREIGN KEY(workshop_id) REFERENCES workshops (id) ON DELETE CASCADE, 
	FOREIGN KEY(partner_id) REFERENCES partners (id) ON DELETE CASCADE
);
CREATE INDEX ix_partner_stages_workshop_id ON partner_stages (workshop_id);
CREATE INDEX ix_partner_stages_partner_id ON partner_stages (partner_id);
CREATE TABLE questions (
	id INTEGER NOT NULL, 
	workshop_id INTEGER NOT NULL, 
	day_id INTEGER NOT NULL, 
	main_point_id INTEGER, 
	position INTEGER NOT NULL, 
	kind VARCHAR(20) NOT NULL, 
	text TEXT NOT NULL, 
	options JSON NOT NULL, 
	space VARCHAR(40), 
	PRIMARY KEY (id), 
	FOREIGN KEY(workshop_id) REFERENCES workshops (id) ON DELETE CASCADE, 
	FOREIGN KEY(day_id) REFERENCES days (id) ON DELETE CASCADE, 
	FOREIGN KEY(main_point_id) REFERENCES main_points (id) ON DELETE SET NULL
);
CREATE INDEX ix_questions_workshop_day ON questions (workshop_id, day_id);
CREATE INDEX ix_questions_workshop_id ON questions (workshop_id);
CREATE INDEX ix_questions_day_id ON questions (day_id);
CREATE TABLE actions (
	id INTEGER NOT NULL, 
	workshop_id INTEGER NOT NULL, 
	theme_id INTEGER, 
	title VARCHAR(200) NOT NULL, 
	owner VARCHAR(200) NOT NULL, 
	space VARCHAR(40), 
	main_point_id INTEGER, 
	due DATE, 
	status VARCHAR(20) NOT NULL, 
	PRIMARY KEY (id), 
	FOREIGN KEY(workshop_id) REFERENCES workshops (id) ON DELETE CASCADE, 
	FOREIGN KEY(theme_id) REFERENCES themes (id) ON DELETE SET NULL, 
	FOREIGN KEY(main_point_id) REFERENCES main_points (id) ON DELETE SET NULL
);
CREATE INDEX ix_actions_workshop_id ON actions (workshop_id);
CREATE TABLE profile_ratings (
	id INTEGER NOT NULL, 
	workshop_id INTEGER NOT NULL, 
	rater VARCHAR(40) NOT NULL, 
	team_id INTEGER, 
	pair VARCHAR(40) NOT NULL, 
	value INTEGER NOT NULL, 
	updated_at DATETIME NOT NULL, 
	PRIMARY KEY (id), 
	UNIQUE (workshop_id, rater, pair), 
	FOREIGN KEY(workshop_id) REFERENCES workshops (id) ON DELETE CASCADE, 
	FOREIGN KEY(team_id) REFERENCES teams (id) ON DELETE CASCADE
);
CREATE INDEX ix_profile_ratings_workshop_id ON profile_ratings (workshop_id);
CREATE TABLE reactions (
	id INTEGER NOT NULL, 
	workshop_id INTEGER NOT NULL, 
	theme_id INTEGER NOT NULL, 
	team_id INTEGER NOT NULL, 
	stance VARCHAR(20) NOT NULL, 
	comment TEXT NOT NULL, 
	updated_at DATETIME NOT NULL, 
	PRIMARY KEY (id), 
	UNIQUE (theme_id, team_id), 
	FOREIGN KEY(workshop_id) REFERENCES workshops (id) ON DELETE CASCADE, 
	FOREIGN KEY(theme_id) REFERENCES themes (id) ON DELETE CASCADE, 
	FOREIGN KEY(team_id) REFERENCES teams (id) ON DELETE CASCADE
);
CREATE INDEX ix_reactions_workshop_id ON reactions (workshop_id);
CREATE TABLE vote_dots (
	id INTEGER NOT NULL, 
	workshop_id INTEGER NOT NULL, 
	vote_id INTEGER NOT NULL, 
	team_id INTEGER NOT NULL, 
	item_id INTEGER NOT NULL, 
	dots INTEGER NOT NULL, 
	PRIMARY KEY (id), 
	UNIQUE (vote_id, team_id, item_id), 
	FOREIGN KEY(workshop_id) REFERENCES workshops (id) ON DELETE CASCADE, 
	FOREIGN KEY(vote_id) REFERENCES votes (id) ON DELETE CASCADE, 
	FOREIGN KEY(team_id) REFERENCES teams (id) ON DELETE CASCADE
);
CREATE INDEX ix_vote_dots_workshop_id ON vote_dots (workshop_id);
CREATE TABLE mappings (
	id INTEGER NOT NULL, 
	workshop_id INTEGER NOT NULL, 
	team_id INTEGER NOT NULL, 
	offer_id INTEGER, 
	proposed BOOLEAN NOT NULL, 
	proposed_name VARCHAR(200) NOT NULL, 
	description TEXT NOT NULL, 
	inspiration INTEGER NOT NULL, 
	learning INTEGER NOT NULL, 
	meeting INTEGER NOT NULL, 
	performative INTEGER NOT NULL, 
	strength INTEGER NOT NULL, 
	target_groups JSON NOT NULL, 
	partners JSON NOT NULL, 
	note TEXT NOT NULL, 
	done BOOLEAN NOT NULL, 
	updated_at DATETIME NOT NULL, 
	PRIMARY KEY (id), 
	UNIQUE (team_id, offer_id), 
	FOREIGN KEY(workshop_id) REFERENCES workshops (id) ON DELETE CASCADE, 
	FOREIGN KEY(team_id) REFERENCES teams (id) ON DELETE CASCADE, 
	FOREIGN KEY(offer_id) REFERENCES offers (id) ON DELETE CASCADE
);
CREATE INDEX ix_mappings_team_id ON mappings (team_id);
CREATE INDEX ix_mappings_workshop_id ON mappings (workshop_id);
CREATE INDEX ix_mappings_offer_id ON mappings (offer_id);
CREATE TABLE mapping_decisions (
	id INTEGER NOT NULL, 
	workshop_id INTEGER NOT NULL, 
	offer_id INTEGER NOT NULL, 
	inspiration INTEGER NOT NULL, 
	learning INTEGER NOT NULL, 
	meeting INTEGER NOT NULL, 
	performative INTEGER NOT NULL, 
	strength INTEGER NOT NULL, 
	mapped_by JSON NOT NULL, 
	decided_at DATETIME NOT NULL, 
	PRIMARY KEY (id), 
	FOREIGN KEY(workshop_id) REFERENCES workshops (id) ON DELETE CASCADE, 
	UNIQUE (offer_id), 
	FOREIGN KEY(offer_id) REFERENCES offers (id) ON DELETE CASCADE
);
CREATE INDEX ix_mapping_decisions_workshop_id ON mapping_decisions (workshop_id);
CREATE TABLE proposals (
	id INTEGER NOT NULL, 
	workshop_id INTEGER NOT NULL, 
	title VARCHAR(200) NOT NULL, 
	proposer VARCHAR(200) NOT NULL, 
	description TEXT NOT NULL, 
	spaces JSON NOT NULL, 
	target_groups JSON NOT NULL, 
	partner_id INTEGER, 
	is_open BOOLEAN NOT NULL, 
	verdict VARCHAR(20), 
	verdict_reason TEXT NOT NULL, 
	PRIMARY KEY (id), 
	FOREIGN KEY(workshop_id) REFERENCES workshops (id) ON DELETE CASCADE, 
	FOREIGN KEY(partner_id) REFERENCES partners (id) ON DELETE SET NULL
);
CREATE INDEX ix_proposals_workshop_id ON proposals (workshop_id);
CREATE TABLE asset_proposals (
	id INTEGER NOT NULL, 
	workshop_id INTEGER NOT NULL, 
	team_id INTEGER NOT NULL, 
	title VARCHAR(200) NOT NULL, 
	description TEXT NOT NULL, 
	status VARCHAR(20) NOT NULL, 
	asset_id INTEGER, 
	created_at DATETIME NOT NULL, 
	PRIMARY KEY (id), 
	FOREIGN KEY(workshop_id) REFERENCES workshops (id) ON DELETE CASCADE, 
	FOREIGN KEY(team_id) REFERENCES teams (id) ON DELETE CASCADE, 
	FOREIGN KEY(asset_id) REFERENCES assets (id) ON DELETE SET NULL
);
CREATE INDEX ix_asset_proposals_workshop_id ON asset_proposals (workshop_id);
CREATE INDEX ix_asset_proposals_team_id ON asset_proposals (team_id);
CREATE TABLE partner_proposals (
	id INTEGER NOT NULL, 
	workshop_id INTEGER NOT NULL, 
	team_id INTEGER NOT NULL, 
	name VARCHAR(200) NOT NULL, 
	sector VARCHAR(20) NOT NULL, 
	contact VARCHAR(200) NOT NULL, 
	reason TEXT NOT NULL, 
	status VARCHAR(20) NOT NULL, 
	partner_id INTEGER, 
	created_at DATETIME NOT NULL, 
	PRIMARY KEY (id), 
	FOREIGN KEY(workshop_id) REFERENCES workshops (id) ON DELETE CASCADE, 
	FOREIGN KEY(team_id) REFERENCES teams (id) ON DELETE CASCADE, 
	FOREIGN KEY(partner_id) REFERENCES partners (id) ON DELETE SET NULL
);
CREATE INDEX ix_partner_proposals_team_id ON partner_proposals (team_id);
CREATE INDEX ix_partner_proposals_workshop_id ON partner_proposals (workshop_id);
CREATE TABLE responses (
	id INTEGER NOT NULL, 
	workshop_id INTEGER NOT NULL, 
	question_id INTEGER NOT NULL, 
	team_id INTEGER NOT NULL, 
	text TEXT NOT NULL, 
	rating INTEGER, 
	choices JSON NOT NULL, 
	spaces JSON NOT NULL, 
	idempotency_key VARCHAR(100), 
	created_at DATETIME NOT NULL, 
	updated_at DATETIME NOT NULL, 
	PRIMARY KEY (id), 
	UNIQUE (question_id, team_id), 
	FOREIGN KEY(workshop_id) REFERENCES workshops (id) ON DELETE CASCADE, 
	FOREIGN KEY(question_id) REFERENCES questions (id) ON DELETE CASCADE, 
	FOREIGN KEY(team_id) REFERENCES teams (id) ON DELETE CASCADE, 
	UNIQUE (idempotency_key)
);
CREATE INDEX ix_responses_workshop_id ON responses (workshop_id);
CREATE INDEX ix_responses_workshop_question ON responses (workshop_id, question_id);
CREATE INDEX ix_responses_team_id ON responses (team_id);
CREATE TABLE drafts (
	question_id INTEGER NOT NULL, 
	team_id INTEGER NOT NULL, 
	text TEXT NOT NULL, 
	updated_at DATETIME NOT NULL, 
	PRIMARY KEY (question_id, team_id), 
	FOREIGN KEY(question_id) REFERENCES questions (id) ON DELETE CASCADE, 
	FOREIGN KEY(team_id) REFERENCES teams (id) ON DELETE CASCADE
);
CREATE TABLE screenings (
	id INTEGER NOT NULL, 
	workshop_id INTEGER NOT NULL, 
	proposal_id INTEGER NOT NULL, 
	rater VARCHAR(40) NOT NULL, 
	team_id INTEGER, 
	question INTEGER NOT NULL, 
	answer VARCHAR(10) NOT NULL, 
	note TEXT NOT NULL, 
	updated_at DATETIME NOT NULL, 
	PRIMARY KEY (id), 
	UNIQUE (proposal_id, rater, question), 
	FOREIGN KEY(workshop_id) REFERENCES workshops (id) ON DELETE CASCADE, 
	FOREIGN KEY(proposal_id) REFERENCES proposals (id) ON DELETE CASCADE, 
	FOREIGN KEY(team_id) REFERENCES teams (id) ON DELETE CASCADE
);
CREATE INDEX ix_screenings_workshop_id ON screenings (workshop_id);
CREATE INDEX ix_screenings_proposal_id ON screenings (proposal_id);
CREATE TABLE theme_responses (
	theme_id INTEGER NOT NULL, 
	response_id INTEGER NOT NULL, 
	PRIMARY KEY (theme_id, response_id), 
	FOREIGN KEY(theme_id) REFERENCES themes (id) ON DELETE CASCADE, 
	FOREIGN KEY(response_id) REFERENCES responses (id) ON DELETE CASCADE
);
CREATE TABLE comments (
	id INTEGER NOT NULL, 
	workshop_id INTEGER NOT NULL, 
	response_id INTEGER NOT NULL, 
	team_id INTEGER NOT NULL, 
	text TEXT NOT NULL, 
	hidden BOOLEAN NOT NULL, 
	created_at DATETIME NOT NULL, 
	updated_at DATETIME NOT NULL, 
	PRIMARY KEY (id), 
	FOREIGN KEY(workshop_id) REFERENCES workshops (id) ON DELETE CASCADE, 
	FOREIGN KEY(response_id) REFERENCES responses (id) ON DELETE CASCADE, 
	FOREIGN KEY(team_id) REFERENCES teams (id) ON DELETE CASCADE
);
CREATE INDEX ix_comments_response_id ON comments (response_id);
CREATE INDEX ix_comments_team_id ON comments (team_id);
CREATE INDEX ix_comments_workshop_id ON comments (workshop_id);
CREATE TABLE recap_quotes (
	workshop_id INTEGER NOT NULL, 
	day_id INTEGER NOT NULL, 
	response_id INTEGER NOT NULL, 
	PRIMARY KEY (day_id, response_id), 
	FOREIGN KEY(workshop_id) REFERENCES workshops (id) ON DELETE CASCADE, 
	FOREIGN KEY(day_id) REFERENCES days (id) ON DELETE CASCADE, 
	FOREIGN KEY(response_id) REFERENCES responses (id) ON DELETE CASCADE
);
CREATE INDEX ix_recap_quotes_workshop_id ON recap_quotes (workshop_id);
