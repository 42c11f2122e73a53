package io.claimport.claims.claim.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;

/** A picture, video or file attached to one of a claim's messages, by URL. */
@Embeddable
public class ClaimMedia {

	@Column(name = "message_id")
	private String messageId;

	private String url;

	@Column(name = "media_type")
	private String mediaType;

	protected ClaimMedia() {
	}

	ClaimMedia(String messageId, String url, String mediaType) {
		this.messageId = messageId;
		this.url = url;
		this.mediaType = mediaType;
	}

	public String getMessageId() {
		return this.messageId;
	}

	public String getUrl() {
		return this.url;
	}

	public String getMediaType() {
		return this.mediaType;
	}

}
